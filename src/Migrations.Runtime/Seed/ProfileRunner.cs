using System.Reflection;
using FluentMigrator;
using Migrations.Runtime.Discovery;
using Migrations.Runtime.Engine;
using Migrations.Runtime.Outcomes;
using Migrations.Runtime.Output;
using Npgsql;

namespace Migrations.Runtime.Seed;

/// <summary>
/// Runs the Up() of FluentMigrator [Profile] classes: seed data, never versioned, never in the history. Each class
/// runs in its own transaction through the same processor and sink as migrations, so it gets the same timeouts.
/// </summary>
internal static class ProfileRunner
{
    public static IReadOnlyList<Type> Find(MigrationSet bundle, string profile) =>
        bundle.Profiles.Where(type => string.Equals(NameOf(type), profile, StringComparison.OrdinalIgnoreCase))
            .OrderBy(type => type.FullName, StringComparer.Ordinal).ToList();

    /// <summary>The classes of <paramref name="profile"/>; a usage error naming the profiles there are when it has none.</summary>
    public static IReadOnlyList<Type> FindOrExplain(MigrationSet bundle, string profile)
    {
        var profiles = Find(bundle, profile);
        if (profiles.Count == 0)
        {
            var known = bundle.Profiles.Select(NameOf).Distinct().ToList();
            throw BundleFailure.Usage($"The bundle has no [Profile(\"{profile}\")] class. {(known.Count == 0 ? "It has no profiles at all: add a class with [Profile(\"seed\")]." : "Profiles it has: " + string.Join(", ", known) + ".")}");
        }

        return profiles;
    }

    public static string? NameOf(Type profile) => profile.GetCustomAttribute<ProfileAttribute>()?.ProfileName;

    public static async Task<IReadOnlyList<string>> RunAsync(LiveSession session, IReadOnlyList<Type> profiles, IProgressReporter progress, CancellationToken cancellationToken)
    {
        var processor = session.Host.Processor;
        await using var monitor = new BlockerMonitor(session.Settings.ConnectionString);
        var done = new List<string>();
        foreach (var type in profiles)
        {
            progress.Info($"  → {type.Name}");
            processor.Sink = new ExecutingSink(processor, DeployTimeouts.Default, monitor, progress, cancellationToken);
            processor.BeginTransaction();
            try
            {
                session.Host.Run(session.Host.CollectUp(session.Host.CreateMigration(type)));
                processor.CommitTransaction();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                RollbackQuietly(processor);
                var cause = Innermost(exception) is PostgresException postgres ? $"{postgres.SqlState}: {postgres.MessageText}" : Innermost(exception).Message;
                throw new BundleFailure(Outcome.MigrationFailed, $"Seed profile class {type.Name} failed ({MessageText.FirstLine(cause)}); nothing of it was applied ({done.Count} class(es) before it were). Fix it and run seed again.", exception);
            }
            finally
            {
                processor.Sink = null;
            }

            done.Add(type.Name);
        }

        return done;
    }

    private static void RollbackQuietly(BundleProcessor processor)
    {
        try
        {
            processor.RollbackTransaction();
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
        {
            // The connection broke: the server has already rolled the transaction back.
        }
    }

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }

        return exception;
    }
}
