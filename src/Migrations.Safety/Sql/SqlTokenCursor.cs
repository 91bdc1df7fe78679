using System;
using System.Collections.Generic;
using System.Text;

namespace Migrations.Safety.Sql;

/// <summary>Reads the significant tokens (no trivia) of a statement or of one part of it.</summary>
internal sealed class SqlTokenCursor
{
    private readonly IReadOnlyList<SqlToken> tokens;
    private readonly int end;

    public SqlTokenCursor(IEnumerable<SqlToken> tokens)
    {
        var significant = new List<SqlToken>();
        foreach (var token in tokens)
        {
            if (!token.IsTrivia)
            {
                significant.Add(token);
            }
        }

        this.tokens = significant;
        end = significant.Count;
    }

    private SqlTokenCursor(IReadOnlyList<SqlToken> tokens, int start, int end)
    {
        this.tokens = tokens;
        Position = start;
        this.end = end;
    }

    public int Position { get; set; }

    public bool AtEnd => Position >= end;

    public SqlToken? Current => Peek(0);

    public SqlToken? Peek(int ahead)
    {
        var index = Position + ahead;
        return index < end ? tokens[index] : null;
    }

    public bool Is(string keyword, int ahead = 0) => Peek(ahead)?.IsKeyword(keyword) == true;

    public bool IsPunctuation(char value, int ahead = 0) => Peek(ahead)?.IsPunctuation(value) == true;

    public SqlToken? Next() => AtEnd ? null : tokens[Position++];

    public bool Accept(string keyword)
    {
        if (!Is(keyword))
        {
            return false;
        }

        Position++;
        return true;
    }

    /// <summary>Accepts all the keywords in order, or none of them.</summary>
    public bool Accept(params string[] keywords)
    {
        for (var index = 0; index < keywords.Length; index++)
        {
            if (!Is(keywords[index], index))
            {
                return false;
            }
        }

        Position += keywords.Length;
        return true;
    }

    /// <summary>Reads <c>[schema.]name</c>; returns null when the current token is not a name.</summary>
    public SqlName? ReadName()
    {
        var parts = new List<string>();
        var start = Current;
        while (Current != null && (Current.Kind == SqlTokenKind.Word || Current.Kind == SqlTokenKind.QuotedIdentifier))
        {
            parts.Add(SqlName.Unquote(Next()!));
            if (!IsPunctuation('.') || Peek(1) == null || (Peek(1)!.Kind != SqlTokenKind.Word && Peek(1)!.Kind != SqlTokenKind.QuotedIdentifier))
            {
                break;
            }

            Position++;
        }

        if (parts.Count == 0)
        {
            return null;
        }

        var name = parts[parts.Count - 1];
        var schema = parts.Count > 1 ? parts[parts.Count - 2] : null;
        return new SqlName(schema, name, start!.Offset);
    }

    /// <summary>Skips a parenthesized group when the cursor is on its opening parenthesis.</summary>
    public bool SkipParenthesized()
    {
        if (!IsPunctuation('('))
        {
            return false;
        }

        var depth = 0;
        while (!AtEnd)
        {
            var token = Next()!;
            if (token.IsPunctuation('('))
            {
                depth++;
            }
            else if (token.IsPunctuation(')') && --depth == 0)
            {
                return true;
            }
        }

        return true;
    }

    /// <summary>The tokens from the cursor up to (not including) the next top-level token matching <paramref name="stop"/>.</summary>
    public List<SqlToken> ReadUntil(Func<SqlTokenCursor, bool> stop)
    {
        var read = new List<SqlToken>();
        var depth = 0;
        while (!AtEnd)
        {
            if (depth == 0 && stop(this))
            {
                break;
            }

            var token = Next()!;
            if (token.IsPunctuation('(') || token.IsPunctuation('['))
            {
                depth++;
            }
            else if (token.IsPunctuation(')') || token.IsPunctuation(']'))
            {
                depth--;
            }

            read.Add(token);
        }

        return read;
    }

    /// <summary>True when a top-level token from the cursor to the end satisfies <paramref name="match"/>; does not move.</summary>
    public bool ContainsTopLevel(Func<SqlTokenCursor, bool> match)
    {
        var saved = Position;
        var found = false;
        ReadUntil(cursor => found = match(cursor));
        Position = saved;
        return found;
    }

    /// <summary>Splits the rest at top-level commas into sub-cursors.</summary>
    public List<SqlTokenCursor> SplitAtTopLevelCommas()
    {
        var parts = new List<SqlTokenCursor>();
        while (!AtEnd)
        {
            var start = Position;
            ReadUntil(cursor => cursor.IsPunctuation(','));
            parts.Add(new SqlTokenCursor(tokens, start, Position));
            Position++;
        }

        return parts;
    }

    /// <summary>After an opening parenthesis: splits the group at its top-level commas and moves past the closing one.</summary>
    public List<SqlTokenCursor> SplitInsideParentheses()
    {
        var start = Position;
        ReadUntil(cursor => cursor.IsPunctuation(')'));
        var inner = new SqlTokenCursor(tokens, start, Position);
        Next();
        return inner.SplitAtTopLevelCommas();
    }

    public SqlToken? First => Position < end ? tokens[Position] : null;

    public SqlToken? Last => end > 0 ? tokens[end - 1] : null;

    /// <summary>Tokens joined with single spaces where the source had trivia or words touch; used for types and expressions.</summary>
    public static string Join(IReadOnlyList<SqlToken> parts)
    {
        var builder = new StringBuilder();
        for (var index = 0; index < parts.Count; index++)
        {
            if (index > 0 && parts[index - 1].End != parts[index].Offset)
            {
                builder.Append(' ');
            }

            builder.Append(parts[index].Text);
        }

        return builder.ToString();
    }
}
