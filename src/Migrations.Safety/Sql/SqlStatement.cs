using System.Collections.Generic;

namespace Migrations.Safety.Sql;

/// <summary>
/// One statement of a SQL text, without its terminating semicolon and without the comments and whitespace around it.
/// <see cref="Offset"/> is relative to the text given to <see cref="SqlStatementSplitter.Split"/>.
/// </summary>
public sealed class SqlStatement
{
    public SqlStatement(string text, int offset, IReadOnlyList<SqlToken> tokens)
    {
        Text = text;
        Offset = offset;
        Tokens = tokens;
    }

    public string Text { get; }

    public int Offset { get; }

    public int Length => Text.Length;

    /// <summary>Every token of the statement, trivia included, with offsets relative to the whole text.</summary>
    public IReadOnlyList<SqlToken> Tokens { get; }

    public override string ToString() => Text;
}
