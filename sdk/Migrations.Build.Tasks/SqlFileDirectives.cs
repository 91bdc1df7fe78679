using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;

namespace Migrations.Build.Tasks;

/// <summary>
/// The comment lines at the top of a .sql migration that steer it, before its first statement:
/// <c>-- migrations: no-transaction</c> runs it outside a transaction, statement by statement;
/// <c>-- migrations: allow-unsafe PGM001 because the table is empty until launch</c> is what [AllowUnsafe] is for
/// a C# migration (a reason is required).
/// </summary>
internal sealed class SqlFileDirectives
{
    private static readonly Regex AllowUnsafe = new Regex(@"^--\s*migrations:\s*allow-unsafe\s+(?<rule>PGM\d{3})\b\s*(?:because\b|:|-)?\s*(?<reason>.*)$", RegexOptions.IgnoreCase);

    public bool NoTransaction { get; private set; }

    /// <summary>Rule ID and reason (empty when none was given) of each allow-unsafe directive.</summary>
    public List<KeyValuePair<string, string>> AllowedRules { get; } = new List<KeyValuePair<string, string>>();

    public static SqlFileDirectives Read(string path)
    {
        var directives = new SqlFileDirectives();
        foreach (var line in File.ReadLines(path))
        {
            var trimmed = line.Trim().TrimStart('\uFEFF');
            if (trimmed.Length == 0)
            {
                continue;
            }

            if (!trimmed.StartsWith("--", StringComparison.Ordinal))
            {
                break;
            }

            var match = AllowUnsafe.Match(trimmed);
            if (match.Success)
            {
                directives.AllowedRules.Add(new KeyValuePair<string, string>(match.Groups["rule"].Value.ToUpperInvariant(), match.Groups["reason"].Value.Trim()));
            }
            else if (trimmed.Replace(" ", string.Empty).IndexOf("migrations:no-transaction", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                directives.NoTransaction = true;
            }
        }

        return directives;
    }
}
