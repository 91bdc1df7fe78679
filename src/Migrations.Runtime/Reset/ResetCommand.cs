using Migrations.Runtime.Cli;
using Migrations.Runtime.History;
using Migrations.Runtime.Engine;
using Migrations.Runtime.Output;
using Migrations.Runtime.Proving;
using Migrations.Runtime.Seed;
using Npgsql;

namespace Migrations.Runtime.Reset;

/// <summary>
/// reset: drops and recreates the schema, applies every migration and runs the seed profile — for development
/// databases only: it needs --force, and refuses a database marked with 'protect'. Runs under the deploy lock.
/// </summary>
public static class ResetCommand
{
    public static async Task<int> RunAsync(BundleContext context, string? connection, bool force, string profile, TimeSpan lockWait, CancellationToken cancellationToken)
    {
        var settings = BundleContext.ResolveConnection(connection);
        if (!force)
        {
            throw new BundleException(ExitCodes.Refused, $"reset drops schema '{settings.Schema}' of {settings.Description} with all its data. Pass --force if that is what you want.");
        }

        await using var session = await LiveSession.OpenAsync(context, settings, cancellationToken);
        await session.LockAsync(context, lockWait, cancellationToken);
        if (await ProtectionMark.ReadAsync(session.Connection, cancellationToken) is { } mark)
        {
            throw new BundleException(ExitCodes.Refused, $"{settings.Description} is protected ({mark}); reset refuses it. If it really is a throwaway database, run 'unprotect' first.");
        }

        var bundle = context.Migrations;
        context.Progress.Info($"Resetting {settings.Description}: dropping schema '{settings.Schema}'.");
        var schema = HistoryStore.Quote(settings.Schema);
        await using (var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}", session.Connection))
        {
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }

        await session.History.EnsureCreatedAsync(cancellationToken);
        context.Progress.Info($"Applying {bundle.Migrations.Count} migration(s).");
        await using (var sequence = new MigrationSequence(session, context.Progress, cancellationToken))
        {
            await sequence.ApplyAllAsync(bundle.Migrations);
        }

        var profiles = ProfileRunner.Find(bundle, profile);
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

        return ExitCodes.Success;
    }
}
