using Migrations.Runtime.Connection;
using Migrations.Runtime.Engine;
using Migrations.Runtime.History;
using Migrations.Runtime.Outcomes;
using Migrations.Runtime.Output;
using Migrations.Runtime.Rendering;

namespace Migrations.Runtime.Resolve;

/// <summary>
/// resolve: the emergency procedure of the migration guide. Marks a migration applied or rolled back without running
/// it, after someone repaired the database by hand. Never silent: it says what it changes and appends an audit event.
/// </summary>
public static class ResolveCommand
{
    public static async Task<Outcome> RunAsync(BundleContext context, string? connection, long? applied, long? rolledBack, string? reason, TimeSpan lockWait, CancellationToken cancellationToken)
    {
        if (applied is null == rolledBack is null)
        {
            throw BundleFailure.Usage("Say what to record: --applied VERSION (the change is in the database) or --rolled-back VERSION (it is not).");
        }

        var version = applied ?? rolledBack!.Value;
        var migration = context.Migrations.Get(version);
        var settings = ConnectionStringParser.FromOptionOrDatabaseUrl(connection);
        await using var session = await LiveSession.OpenAsync(context.Assembly, context.Actor, settings, cancellationToken);
        await session.LockAsync(context.Progress, lockWait, cancellationToken);
        var history = await session.History.ReadAsync(cancellationToken);
        history.TryGetValue(version, out var before);
        var state = applied is not null ? MigrationState.ResolvedApplied : MigrationState.ResolvedRolledBack;
        var rendered = session.Renderer.Render(migration);
        var previous = before is null ? "never recorded" : before.State.ToDatabase();
        var detail = $"resolved by {context.Actor.User}@{context.Actor.Host} (was {previous})" + (string.IsNullOrWhiteSpace(reason) ? string.Empty : $": {reason}");
        var now = DateTimeOffset.UtcNow;
        var record = new HistoryRecord(version, migration.Name, rendered.Checksum, state, now, now, 0, detail);
        await (rendered.HasBackfills
            ? new Backfill.BackfillProgressStore(session.Connection, session.History.BackfillTable).RecordAsync(session.History, record, cancellationToken)
            : session.History.RecordAsync(record, cancellationToken));

        var message = $"Recorded {migration.DisplayName} as {(applied is not null ? "applied" : "rolled back")} (it was {(before is null ? "never recorded" : before.State.ToDisplay())}); no SQL of the migration was run.";
        if (context.Json)
        {
            JsonOutput.Write(context.Output, new { database = settings.Description, version, name = migration.Name, state = state.ToDatabase(), previous, reason });
        }
        else
        {
            context.Output.WriteLine(message);
        }

        return Outcome.Success;
    }
}
