using System.Text;

namespace Migrations.Safety.Sql;

/// <summary>
/// The canonical text checksums are computed from: comments dropped, whitespace runs outside literals and quoted
/// identifiers collapsed to one space, statements trimmed and joined by ";\n" without a trailing semicolon.
/// Changing only whitespace or comments therefore never changes the checksum; changing a literal does, except for its
/// line endings: CRLF reads as LF everywhere, so a Windows checkout (git's autocrlf) hashes like a Linux one.
/// </summary>
public static class SqlNormalizer
{
    public static string Normalize(string sql)
    {
        var builder = new StringBuilder(sql.Length);
        foreach (var statement in SqlStatementSplitter.Split(sql.Replace("\r\n", "\n")))
        {
            if (builder.Length > 0)
            {
                builder.Append(";\n");
            }

            var pendingSpace = false;
            foreach (var token in statement.Tokens)
            {
                if (token.IsTrivia)
                {
                    pendingSpace = true;
                    continue;
                }

                if (pendingSpace)
                {
                    builder.Append(' ');
                    pendingSpace = false;
                }

                builder.Append(token.Text);
            }
        }

        return builder.ToString();
    }
}
