using System;

namespace Migrations.Safety.Sql;

internal static class SqlLiterals
{
    /// <summary>The value of a '…', E'…' or $tag$…$tag$ literal (escapes other than doubled quotes are left as written).</summary>
    public static string Unquote(string literal)
    {
        if (literal.StartsWith("$", StringComparison.Ordinal))
        {
            var tagEnd = literal.IndexOf('$', 1);
            if (tagEnd > 0 && literal.Length >= 2 * (tagEnd + 1))
            {
                return literal.Substring(tagEnd + 1, literal.Length - 2 * (tagEnd + 1));
            }

            return literal;
        }

        var quote = literal.IndexOf('\'');
        if (quote < 0)
        {
            return literal;
        }

        var end = literal.Length > quote + 1 && literal[literal.Length - 1] == '\'' ? literal.Length - 1 : literal.Length;
        return literal.Substring(quote + 1, end - quote - 1).Replace("''", "'");
    }
}
