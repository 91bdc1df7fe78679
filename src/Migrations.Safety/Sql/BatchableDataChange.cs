using System;
using System.Collections.Generic;
using System.Linq;

namespace Migrations.Safety.Sql;

/// <summary>
/// An <c>UPDATE table SET … [WHERE …]</c> or <c>DELETE FROM table WHERE …</c> that a backfill can run batch by batch:
/// one table, no alias, no FROM, USING or RETURNING (a batch adds its key range to the WHERE and nothing else). Read by
/// the <c>-- migrations: backfill</c> directive of .sql migrations and by PGM014's code fix.
/// </summary>
public sealed class BatchableDataChange
{
    private BatchableDataChange(string? schema, string table, string? assignments, string? condition)
    {
        Schema = schema;
        Table = table;
        Assignments = assignments;
        Condition = condition;
    }

    public string? Schema { get; }

    /// <summary>The table as PostgreSQL names it: quoted parts keep their case, unquoted ones fold to lower case.</summary>
    public string Table { get; }

    /// <summary>The SET clause's text for an UPDATE; null for a DELETE.</summary>
    public string? Assignments { get; }

    /// <summary>The WHERE clause's text, or null when the UPDATE has none (a DELETE always has one: a backfill never empties a table).</summary>
    public string? Condition { get; }

    /// <summary>The statement's parts, or null when it is not one statement of that shape.</summary>
    public static BatchableDataChange? Parse(string statement)
    {
        if (statement == null)
        {
            throw new ArgumentNullException(nameof(statement));
        }

        var words = SqlLexer.Tokenize(statement).Where(token => !token.IsTrivia).ToList();
        if (words.Count > 0 && words[words.Count - 1].Kind == SqlTokenKind.Semicolon)
        {
            words.RemoveAt(words.Count - 1);
        }

        if (words.Any(token => token.Kind == SqlTokenKind.Semicolon))
        {
            return null;
        }

        var index = 0;
        bool update;
        if (At(words, index, "UPDATE"))
        {
            update = true;
            index = At(words, index + 1, "ONLY") ? index + 2 : index + 1;
        }
        else if (At(words, index, "DELETE") && At(words, index + 1, "FROM"))
        {
            update = false;
            index = At(words, index + 2, "ONLY") ? index + 3 : index + 2;
        }
        else
        {
            return null;
        }

        if (index >= words.Count || !IsName(words[index]))
        {
            return null;
        }

        string? schema = null;
        var table = SqlName.Unquote(words[index]);
        if (index + 2 < words.Count && words[index + 1].IsPunctuation('.') && IsName(words[index + 2]))
        {
            schema = table;
            table = SqlName.Unquote(words[index + 2]);
            index += 2;
        }

        index++;
        var end = words[words.Count - 1].End;
        if (!At(words, index, update ? "SET" : "WHERE"))
        {
            return null;
        }

        var clauses = TopLevelClauses(words, index + 1);
        if (clauses.Any(clause => clause.Keyword != "WHERE") || index + 1 >= words.Count)
        {
            return null;
        }

        if (!update)
        {
            return new BatchableDataChange(schema, table, null, statement.Substring(words[index].End, end - words[index].End).Trim());
        }

        var where = clauses.Count == 0 ? -1 : clauses[0].Index;
        var setEnd = where < 0 ? end : words[where].Offset;
        var assignments = statement.Substring(words[index + 1].Offset, setEnd - words[index + 1].Offset).Trim();
        var condition = where < 0 ? null : statement.Substring(words[where].End, end - words[where].End).Trim();
        return new BatchableDataChange(schema, table, assignments, condition);
    }

    /// <summary>The clause keywords outside parentheses from <paramref name="start"/> on.</summary>
    private static List<(string Keyword, int Index)> TopLevelClauses(List<SqlToken> words, int start)
    {
        var found = new List<(string, int)>();
        var depth = 0;
        for (var index = start; index < words.Count; index++)
        {
            var token = words[index];
            depth += token.IsPunctuation('(') ? 1 : token.IsPunctuation(')') ? -1 : 0;
            var keyword = token.Kind == SqlTokenKind.Word ? token.Text.ToUpperInvariant() : null;
            if (depth == 0 && keyword is "WHERE" or "FROM" or "USING" or "RETURNING")
            {
                found.Add((keyword, index));
            }
        }

        return found;
    }

    private static bool IsName(SqlToken token) => token.Kind == SqlTokenKind.Word || token.Kind == SqlTokenKind.QuotedIdentifier;

    private static bool At(List<SqlToken> words, int index, string keyword) => index < words.Count && words[index].IsKeyword(keyword);
}
