using Migrations.Runtime.Connection;
using Migrations.Runtime.Engine;
using Migrations.Runtime.History;
using Migrations.Runtime.Outcomes;
using Migrations.Runtime.Output;
using Migrations.Runtime.Postgres;
using Migrations.Runtime.Seed;
using Npgsql;

namespace Migrations.Runtime.Reset;

/// <summary>
/// reset: drops and recreates the schema, applies every migration and runs the seed profile — for development
/// databases only: it needs --force, and refuses a database marked with 'protect'. Runs under the deploy lock.
/// </summary>
public static class ResetCommand
{
    public static async Task<Outcome> RunAsync(BundleContext context, string? connection, bool force, string profile, TimeSpan lockWait, CancellationToken cancellationToken)
    {
        var settings = ConnectionStringParser.FromOptionOrDatabaseUrl(connection);
        if (!force)
        {
            throw new BundleFailure(Outcome.Refused, $"reset drops schema '{settings.Schema}' of {settings.Description} with all its data. Pass --force if that is what you want.");
        }

        // A mistyped --profile must fail before the schema is gone, not after. Only the default may be absent.
        var bundle = context.Migrations;
        var profiles = profile == SeedCommand.DefaultProfile && bundle.Profiles.Count == 0 ? [] : ProfileRunner.FindOrExplain(bundle, profile);
        await using var session = await LiveSession.OpenAsync(context.Assembly, context.Actor, settings, cancellationToken);
        await session.LockAsync(context.Progress, lockWait, cancellationToken);
        if (await ProtectionMark.ReadAsync(session.Connection, cancellationToken) is { } mark)
        {
            throw new BundleFailure(Outcome.Refused, $"{settings.Description} is protected ({mark}); reset refuses it. If it really is a throwaway database, run 'unprotect' first.");
        }

        context.Progress.Info($"Resetting {settings.Description}: dropping schema '{settings.Schema}'.");
        await RecreateSchemaAsync(session.Connection, settings.Schema, cancellationToken);

        await session.History.EnsureCreatedAsync(cancellationToken);
        context.Progress.Info($"Applying {bundle.Migrations.Count} migration(s).");
        await using (var sequence = new MigrationRunner(session, context.Progress, cancellationToken))
        {
            await sequence.ApplyAllAsync(bundle.Migrations);
        }

        var seeded = profiles.Count == 0 ? [] : await ProfileRunner.RunAsync(session, profiles, context.Progress, cancellationToken);
        if (context.Json)
        {
            JsonOutput.Write(context.Output, new { database = settings.Description, applied = bundle.Migrations.Count, profile, seeded });
        }
        else
        {
            var seedNote = profiles.Count == 0 ? $"no '{profile}' profile to seed" : $"seeded with {seeded.Count} class(es) of profile '{profile}'";
            context.Output.WriteLine($"Reset {settings.Description}: applied {bundle.Migrations.Count} migration(s), {seedNote}.");
        }

        return Outcome.Success;
    }

    /// <summary>
    /// Drops the schema and creates it again with the owner and grants it had: without them, a reset 'public' would belong
    /// to whoever ran reset and every other role (the application's) would lose USAGE on it. One transaction, so a grant
    /// that fails leaves the schema as it was.
    /// </summary>
    private static async Task RecreateSchemaAsync(NpgsqlConnection connection, string schemaName, CancellationToken cancellationToken)
    {
        var schema = HistoryStore.Quote(schemaName);
        string restore;
        await using (var read = new NpgsqlCommand("""
            SELECT coalesce(format('ALTER SCHEMA %I OWNER TO %I;', n.nspname, pg_get_userbyid(n.nspowner)), '')
                || coalesce((SELECT string_agg(format('GRANT %s ON SCHEMA %I TO %s%s;', a.privilege_type, n.nspname,
                                CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END,
                                CASE WHEN a.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END), ' ')
                             FROM aclexplode(n.nspacl) a WHERE a.grantee <> n.nspowner), '')
            FROM pg_namespace n WHERE n.nspname = @schema
            """, connection))
        {
            read.Parameters.AddWithValue("schema", schemaName);
            restore = (string?)await read.ExecuteScalarAsync(cancellationToken) ?? string.Empty;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var recreate = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}; {restore}", connection, transaction))
        {
            await recreate.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
