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

        var tokens = SqlLexer.Tokenize(statement);

        var words = tokens.Where(token => !token.IsTrivia).ToList();
        var parsed = Parse(statement, words) ?? throw new InvalidOperationException(
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

    private sealed record ParsedStatement(string? Schema, string Table, string? Assignments, string? Condition);

    private static ParsedStatement? Parse(string text, List<SqlToken> words)
    {
        var index = 0;
        bool update;
        if (At(words, index, "UPDATE"))
        {
            (update, index) = (true, At(words, index + 1, "ONLY") ? index + 2 : index + 1);
        }
        else if (At(words, index, "DELETE") && At(words, index + 1, "FROM"))
        {
            (update, index) = (false, index + 2);
        }
        else
        {
            return null;
        }

        if (index >= words.Count)
        {
            return null;
        }

        string? schema = null;
        var table = Unquote(words[index].Text);
        if (index + 2 < words.Count && words[index + 1].IsPunctuation('.'))
        {
            (schema, table) = (table, Unquote(words[index + 2].Text));
            index += 2;
        }

        index++;
        var expected = update ? "SET" : "WHERE";
        if (!At(words, index, expected))
        {
            return null;
        }

        var clauses = TopLevelKeywords(words, index + 1);
        if (clauses.Any(clause => clause.Keyword is "FROM" or "USING" or "RETURNING"))
        {
            return null;
        }

        var end = words[^1].IsPunctuation(';') ? words[^1].Offset : text.Length;
        var where = clauses.FirstOrDefault(clause => clause.Keyword == "WHERE");
        if (update)
        {
            var setEnd = where.Keyword is null ? end : words[where.Index].Offset;
            var assignments = text[words[index + 1].Offset..setEnd].Trim();
            var condition = where.Keyword is null ? null : text[words[where.Index].End..end].Trim();
            return new ParsedStatement(schema, table, assignments, condition);
        }

        return new ParsedStatement(schema, table, null, text[words[index].End..end].Trim());
    }

    /// <summary>Keywords outside parentheses from <paramref name="start"/> on: the clauses of the statement.</summary>
    private static List<(string? Keyword, int Index)> TopLevelKeywords(List<SqlToken> words, int start)
    {
        var found = new List<(string?, int)>();
        var depth = 0;
        for (var index = start; index < words.Count; index++)
        {
            var token = words[index];
            depth += token.IsPunctuation('(') ? 1 : token.IsPunctuation(')') ? -1 : 0;
            if (depth == 0 && token.Kind == SqlTokenKind.Word && token.Text.ToUpperInvariant() is "WHERE" or "FROM" or "USING" or "RETURNING")
            {
                found.Add((token.Text.ToUpperInvariant(), index));
            }
        }

        return found;
    }

    private static bool At(List<SqlToken> words, int index, string keyword) => index < words.Count && words[index].IsKeyword(keyword);

    private static string Unquote(string identifier) =>
        identifier.StartsWith('"') ? identifier[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : identifier.ToLowerInvariant();

    private static string MessageTextOf(string statement)
    {
        var code = string.Join(' ', statement.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0 && !line.StartsWith("--", StringComparison.Ordinal)));
        return code.Length > 100 ? code[..100] + "…" : code;
    }

    [GeneratedRegex(@"^--\s*migrations:\s*backfill\b(?:\s+key\s*=\s*(?<key>""[^""]+""|\w+))?\s*$", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex Directive();
}
