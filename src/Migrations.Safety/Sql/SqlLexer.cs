using System;
using System.Collections.Generic;

namespace Migrations.Safety.Sql;

/// <summary>
/// A PostgreSQL lexer that never throws: unterminated strings and comments run to the end of the text,
/// unknown characters become operators. Literal rules follow PostgreSQL with standard_conforming_strings on.
/// </summary>
public static class SqlLexer
{
    private const string OperatorCharacters = "+-*/<>=~!@#%^&|`?:";

    public static IReadOnlyList<SqlToken> Tokenize(string sql)
    {
        if (sql == null)
        {
            throw new ArgumentNullException(nameof(sql));
        }

        // About one token per four characters: growing the list from empty copied it over and over for long scripts.
        var tokens = new List<SqlToken>((sql.Length / 4) + 4);
        var position = 0;
        while (position < sql.Length)
        {
            var start = position;
            var kind = Scan(sql, ref position);
            tokens.Add(new SqlToken(kind, start, sql.Substring(start, position - start)));
        }

        return tokens;
    }

    private static SqlTokenKind Scan(string sql, ref int position)
    {
        var c = sql[position];
        var next = position + 1 < sql.Length ? sql[position + 1] : '\0';

        if (char.IsWhiteSpace(c))
        {
            while (position < sql.Length && char.IsWhiteSpace(sql[position]))
            {
                position++;
            }

            return SqlTokenKind.Whitespace;
        }

        if (c == '-' && next == '-')
        {
            while (position < sql.Length && sql[position] != '\n' && sql[position] != '\r')
            {
                position++;
            }

            return SqlTokenKind.LineComment;
        }

        if (c == '/' && next == '*')
        {
            ScanBlockComment(sql, ref position);
            return SqlTokenKind.BlockComment;
        }

        if (c == '\'')
        {
            ScanQuoted(sql, ref position, '\'', backslashEscapes: false);
            return SqlTokenKind.StringLiteral;
        }

        if (c == '"')
        {
            ScanQuoted(sql, ref position, '"', backslashEscapes: false);
            return SqlTokenKind.QuotedIdentifier;
        }

        if ((c == 'E' || c == 'e') && next == '\'')
        {
            position++;
            ScanQuoted(sql, ref position, '\'', backslashEscapes: true);
            return SqlTokenKind.StringLiteral;
        }

        if ((c == 'B' || c == 'b' || c == 'X' || c == 'x' || c == 'N' || c == 'n') && next == '\'')
        {
            position++;
            ScanQuoted(sql, ref position, '\'', backslashEscapes: false);
            return SqlTokenKind.StringLiteral;
        }

        if ((c == 'U' || c == 'u') && next == '&' && position + 2 < sql.Length && (sql[position + 2] == '\'' || sql[position + 2] == '"'))
        {
            var quote = sql[position + 2];
            position += 2;
            ScanQuoted(sql, ref position, quote, backslashEscapes: false);
            return quote == '"' ? SqlTokenKind.QuotedIdentifier : SqlTokenKind.StringLiteral;
        }

        if (c == '$')
        {
            if (char.IsDigit(next))
            {
                position++;
                while (position < sql.Length && char.IsDigit(sql[position]))
                {
                    position++;
                }

                return SqlTokenKind.Parameter;
            }

            if (TryScanDollarQuoted(sql, ref position))
            {
                return SqlTokenKind.StringLiteral;
            }

            position++;
            return SqlTokenKind.Operator;
        }

        if (IsWordStart(c))
        {
            while (position < sql.Length && IsWordPart(sql[position]))
            {
                position++;
            }

            return SqlTokenKind.Word;
        }

        if (char.IsDigit(c) || (c == '.' && char.IsDigit(next)))
        {
            ScanNumber(sql, ref position);
            return SqlTokenKind.Number;
        }

        if (c == ';')
        {
            position++;
            return SqlTokenKind.Semicolon;
        }

        if (c == '(' || c == ')' || c == ',' || c == '.' || c == '[' || c == ']')
        {
            position++;
            return SqlTokenKind.Punctuation;
        }

        position++;
        if (OperatorCharacters.IndexOf(c) >= 0)
        {
            while (position < sql.Length && OperatorCharacters.IndexOf(sql[position]) >= 0 && !StartsComment(sql, position))
            {
                position++;
            }
        }

        return SqlTokenKind.Operator;
    }

    private static bool StartsComment(string sql, int position) =>
        position + 1 < sql.Length
        && ((sql[position] == '-' && sql[position + 1] == '-') || (sql[position] == '/' && sql[position + 1] == '*'));

    private static bool IsWordStart(char c) => char.IsLetter(c) || c == '_' || c > 127;

    private static bool IsWordPart(char c) => IsWordStart(c) || char.IsDigit(c) || c == '$';

    private static void ScanBlockComment(string sql, ref int position)
    {
        var depth = 0;
        while (position < sql.Length)
        {
            if (sql[position] == '/' && position + 1 < sql.Length && sql[position + 1] == '*')
            {
                depth++;
                position += 2;
            }
            else if (sql[position] == '*' && position + 1 < sql.Length && sql[position + 1] == '/')
            {
                depth--;
                position += 2;
                if (depth == 0)
                {
                    return;
                }
            }
            else
            {
                position++;
            }
        }
    }

    /// <summary>Scans from the opening quote; a doubled quote is an escaped quote.</summary>
    private static void ScanQuoted(string sql, ref int position, char quote, bool backslashEscapes)
    {
        position++;
        while (position < sql.Length)
        {
            var c = sql[position];
            if (backslashEscapes && c == '\\')
            {
                position += 2;
                continue;
            }

            position++;
            if (c == quote)
            {
                if (position < sql.Length && sql[position] == quote)
                {
                    position++;
                    continue;
                }

                return;
            }
        }

        position = Math.Min(position, sql.Length);
    }

    private static bool TryScanDollarQuoted(string sql, ref int position)
    {
        var tagEnd = position + 1;
        if (tagEnd < sql.Length && sql[tagEnd] != '$')
        {
            if (!IsWordStart(sql[tagEnd]))
            {
                return false;
            }

            while (tagEnd < sql.Length && (IsWordStart(sql[tagEnd]) || char.IsDigit(sql[tagEnd])))
            {
                tagEnd++;
            }
        }

        if (tagEnd >= sql.Length || sql[tagEnd] != '$')
        {
            return false;
        }

        var tag = sql.Substring(position, tagEnd - position + 1);
        var close = sql.IndexOf(tag, tagEnd + 1, StringComparison.Ordinal);
        position = close < 0 ? sql.Length : close + tag.Length;
        return true;
    }

    private static void ScanNumber(string sql, ref int position)
    {
        while (position < sql.Length && (char.IsDigit(sql[position]) || sql[position] == '_'))
        {
            position++;
        }

        if (position < sql.Length && sql[position] == '.' && !(position + 1 < sql.Length && sql[position + 1] == '.'))
        {
            position++;
            while (position < sql.Length && char.IsDigit(sql[position]))
            {
                position++;
            }
        }

        if (position < sql.Length && (sql[position] == 'e' || sql[position] == 'E'))
        {
            var exponent = position + 1;
            if (exponent < sql.Length && (sql[exponent] == '+' || sql[exponent] == '-'))
            {
                exponent++;
            }

            if (exponent < sql.Length && char.IsDigit(sql[exponent]))
            {
                position = exponent;
                while (position < sql.Length && char.IsDigit(sql[position]))
                {
                    position++;
                }
            }
        }
    }
}
