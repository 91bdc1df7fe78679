using System.Reflection;
using Migrations.Runtime.Connection;
using Migrations.Runtime.Discovery;
using Migrations.Runtime.Engine;
using Migrations.Runtime.History;
using Migrations.Runtime.Output;
using Migrations.Runtime.Schema;

namespace Migrations.Runtime.Postgres;

/// <summary>
/// The schema a list of migrations produces, built in a temporary database on the same server as the database it is
/// compared with (so both are printed by the same PostgreSQL) and dropped afterwards. Used by drift and baseline.
/// </summary>
internal static class ExpectedSchema
{
    /// <param name="withDependencies">Also read what depends on what, to order the SQL of drift --script.</param>
    public static async Task<SchemaSnapshot> BuildAsync(Assembly bundle, DeployActor actor, IProgressReporter progress, ConnectionSettings settings, IReadOnlyList<MigrationDescriptor> migrations, string purpose, CancellationToken cancellationToken, bool withDependencies = false)
    {
        await using var server = ScratchServer.OnServer(settings, progress);
        return await BuildAsync(bundle, actor, progress, server, migrations, purpose, cancellationToken, withDependencies);
    }

    public static async Task<SchemaSnapshot> BuildAsync(Assembly bundle, DeployActor actor, IProgressReporter progress, ScratchServer server, IReadOnlyList<MigrationDescriptor> migrations, string purpose, CancellationToken cancellationToken, bool withDependencies)
    {
        var settings = server.Server;
        await using var scratch = await server.CreateDatabaseAsync(purpose, cancellationToken);
        progress.Info($"Building the schema of {migrations.Count} migration(s) in temporary database {scratch.Settings.Database}.");
        await using var session = await LiveSession.OpenAsync(bundle, actor, scratch.Settings, cancellationToken);
        // Nobody else knows the scratch database: it needs the history tables, not the deploy lock.
        await session.History.EnsureCreatedAsync(cancellationToken);
        await using (var sequence = new MigrationRunner(session, new QuietProgress(progress), cancellationToken))
        {
            await sequence.ApplyAllAsync(migrations);
        }

        return await SchemaSnapshot.CaptureAsync(session.Connection, settings.Schema, cancellationToken, withDependencies: withDependencies);
    }
}
