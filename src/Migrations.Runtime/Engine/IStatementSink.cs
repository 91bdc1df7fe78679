namespace Migrations.Runtime.Engine;

/// <summary>Where the SQL FluentMigrator generates goes: recorded for review, or executed against the database.</summary>
internal interface IStatementSink
{
    /// <summary>True when nothing may touch a database (offline rendering).</summary>
    bool IsOffline { get; }

    void Statement(string sql);

    /// <summary>Execute.WithConnection(...): arbitrary code, opaque to rendering.</summary>
    void Operation(string? description, Action run);

    /// <summary>Execute.Backfill(…): rendered as its per-batch statement, run by the bundle in batches.</summary>
    void Backfill(Backfill.BackfillDefinition backfill);
}
