using Migrations.Safety.Sql;

namespace Migrations.Runtime.Engine;

/// <summary>What the engine must know about a statement before running it, read from its tokens (never from comments or literals).</summary>
public sealed record StatementTraits(bool IsOnline, string? ConcurrentIndexName, string? ConcurrentIndexSchema)
{
    /// <summary>
    /// Online statements take only SHARE UPDATE EXCLUSIVE and may legitimately wait for old transactions for a long
    /// time: concurrent index builds and drops, REINDEX CONCURRENTLY, VALIDATE CONSTRAINT. They run without lock and statement timeouts.
    /// </summary>
    public static StatementTraits Of(string sql)
    {
        var words = SqlLexer.Tokenize(sql).Where(token => !token.IsTrivia).ToList();
        var upper = words.Select(token => token.Text.ToUpperInvariant()).ToList();
        // REFRESH MATERIALIZED VIEW CONCURRENTLY still blocks writers while it waits, so it keeps the lock timeout.
        var concurrently = upper.Contains("CONCURRENTLY") && upper.Count > 0 && upper[0] is "CREATE" or "DROP" or "REINDEX" or "ALTER";
        var validate = upper.Zip(upper.Skip(1)).Any(pair => pair is ("VALIDATE", "CONSTRAINT"));
        string? name = null;
        string? schema = null;
        if (concurrently && upper.Count > 2 && upper[0] == "CREATE")
        {
            // CREATE [UNIQUE] INDEX CONCURRENTLY [IF NOT EXISTS] [schema.]name ON …
            var index = upper.IndexOf("CONCURRENTLY") + 1;
            if (index + 2 < upper.Count && upper[index] == "IF" && upper[index + 1] == "NOT" && upper[index + 2] == "EXISTS")
            {
                index += 3;
            }

            if (index < upper.Count && upper[index] != "ON")
            {
                name = Unquote(words[index].Text);
                if (index + 2 < upper.Count && words[index + 1].Text == ".")
                {
                    schema = name;
                    name = Unquote(words[index + 2].Text);
                }
            }
        }

        return new StatementTraits(concurrently || validate, name, schema);
    }

    private static string Unquote(string identifier) =>
        identifier.StartsWith('"') ? identifier[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : identifier.ToLowerInvariant();
}
