using Migrations.Safety.Sql;

namespace Migrations.Runtime.Engine;

/// <summary>What the engine must know about a statement before running it, read from its tokens (never from comments or literals).</summary>
internal sealed record StatementTraits(bool IsOnline, ConcurrentIndexStatement? ConcurrentIndex)
{
    /// <summary>
    /// Online statements take only SHARE UPDATE EXCLUSIVE and may legitimately wait for old transactions for a long
    /// time: concurrent index builds and drops, REINDEX CONCURRENTLY, VALIDATE CONSTRAINT. They run without lock and statement timeouts.
    /// </summary>
    public static StatementTraits Of(string sql)
    {
        var upper = SqlLexer.Tokenize(sql).Where(token => !token.IsTrivia).Select(token => token.Text.ToUpperInvariant()).ToList();
        // REFRESH MATERIALIZED VIEW CONCURRENTLY still blocks writers while it waits, so it keeps the lock timeout.
        var concurrently = upper.Contains("CONCURRENTLY") && upper.Count > 0 && upper[0] is "CREATE" or "DROP" or "REINDEX" or "ALTER";
        var validate = upper.Zip(upper.Skip(1)).Any(pair => pair is ("VALIDATE", "CONSTRAINT"));
        var index = concurrently ? ConcurrentIndexStatement.Parse(sql) : null;
        return new StatementTraits(concurrently || validate, index);
    }
}
