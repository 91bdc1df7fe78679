using System.Text.RegularExpressions;
using FluentMigrator.Builders.Execute;
using Migrations.Runtime.Backfill;
using Migrations.Safety.Sql;

namespace Migrations.Runtime.SqlFiles;

/// <summary>
/// <c>-- migrations: backfill [key=column]</c> on the line above an <c>UPDATE table SET … [WHERE …]</c> or
/// <c>DELETE FROM table WHERE …</c> of a .sql migration: the bundle runs that statement as <c>Execute.Backfill</c>,
/// in batches over the table's key, with the statement's WHERE as the condition.
/// </summary>
internal static partial class SqlBackfillDirective
{
    public static bool AppearsIn(string sql) => Directive().IsMatch(sql);

    /// <summary>
    /// Adds the statement as a backfill when a directive in the comments before it (<paramref name="leading"/>, the text
    /// since the previous statement) marks it; false for an ordinary statement.
    /// </summary>
    public static bool TryAdd(string leading, string statement, IExecuteExpressionRoot execute)
    {
        var directive = SqlLexer.Tokenize(leading).Where(token => token.Kind == SqlTokenKind.LineComment)
            .Select(token => Directive().Match(token.Text.Trim())).FirstOrDefault(match => match.Success);
        if (directive is null)
        {
            return false;
        }

        var parsed = BatchableDataChange.Parse(statement) ?? throw new InvalidOperationException(
            $"'-- migrations: backfill' marks a statement that is not 'UPDATE table SET … [WHERE …]' or 'DELETE FROM table WHERE …' (no alias, FROM, USING or RETURNING): {MessageTextOf(statement)}");
        var table = execute.Backfill(parsed.Table);
        if (parsed.Schema is not null)
        {
            table.InSchema(parsed.Schema);
        }

        var backfill = parsed.Assignments is { } assignments ? table.Set(assignments) : table.Delete();
        if (parsed.Condition is not null)
        {
            backfill.Where(parsed.Condition);
        }

        if (directive.Groups["key"].Success)
        {
            backfill.KeyedBy(directive.Groups["key"].Value);
        }

        return true;
    }

    private static string MessageTextOf(string statement)
    {
        var code = string.Join(' ', statement.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0 && !line.StartsWith("--", StringComparison.Ordinal)));
        return code.Length > 100 ? code[..100] + "…" : code;
    }

    [GeneratedRegex(@"^--\s*migrations:\s*backfill\b(?:\s+key\s*=\s*(?<key>""[^""]+""|\w+))?\s*$", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex Directive();
}
