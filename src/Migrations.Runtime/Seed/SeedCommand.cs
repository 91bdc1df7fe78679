using Migrations.Runtime.Connection;
using Migrations.Runtime.Engine;
using Migrations.Runtime.Outcomes;
using Migrations.Runtime.Output;

namespace Migrations.Runtime.Seed;

/// <summary>seed: runs the bundle's [Profile(NAME)] classes (default "seed") under the deploy lock, so seeding never races a deploy.</summary>
public static class SeedCommand
{
    public const string DefaultProfile = "seed";

    public static async Task<Outcome> RunAsync(BundleContext context, string? connection, string profile, TimeSpan lockWait, CancellationToken cancellationToken)
    {
        var profiles = ProfileRunner.FindOrExplain(context.Migrations, profile);

        var settings = ConnectionStringParser.FromOptionOrDatabaseUrl(connection);
        await using var session = await LiveSession.OpenAsync(context.Assembly, context.Actor, settings, cancellationToken);
        await session.LockAsync(context.Progress, lockWait, cancellationToken);
        context.Progress.Info($"Seeding {settings.Description} with profile '{profile}'.");
        var ran = await ProfileRunner.RunAsync(session, profiles, context.Progress, cancellationToken);
        if (context.Json)
        {
            JsonOutput.Write(context.Output, new { database = settings.Description, profile, ran });
        }
        else
        {
            context.Output.WriteLine($"Seeded {settings.Description}: ran {ran.Count} class(es) of profile '{profile}'.");
        }

        return Outcome.Success;
    }
}
