using System;

namespace Migrations.Safety.Sql;

/// <summary>One token of a SQL text; <see cref="Offset"/> is relative to the text given to <see cref="SqlLexer.Tokenize"/>.</summary>
public sealed class SqlToken
{
    public SqlToken(SqlTokenKind kind, int offset, string text)
    {
        Kind = kind;
        Offset = offset;
        Text = text;
    }

    public SqlTokenKind Kind { get; }

    public int Offset { get; }

    public int Length => Text.Length;

    public int End => Offset + Text.Length;

    public string Text { get; }

    /// <summary>Comments and whitespace: tokens that never change what a statement means.</summary>
    public bool IsTrivia => Kind == SqlTokenKind.Whitespace || Kind == SqlTokenKind.LineComment || Kind == SqlTokenKind.BlockComment;

    /// <summary>True for an unquoted word equal to <paramref name="keyword"/>, ignoring case.</summary>
    public bool IsKeyword(string keyword) =>
        Kind == SqlTokenKind.Word && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    public bool IsPunctuation(char value) =>
        Kind == SqlTokenKind.Punctuation && Text.Length == 1 && Text[0] == value;

    public override string ToString() => Kind + " '" + Text + "' @" + Offset;
}
