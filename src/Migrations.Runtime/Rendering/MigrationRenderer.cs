using Migrations.Runtime.Discovery;
using Migrations.Runtime.Engine;

namespace Migrations.Runtime.Rendering;

/// <summary>Renders migrations to SQL without a database, through FluentMigrator's own PostgreSQL generator.</summary>
/// <param name="checksumHost">
/// Where checksums are rendered when <paramref name="host"/> puts objects in a tenant's schema: a checksum belongs to
/// the migration, the same for every tenant and for the lock file, so it is always taken over the default rendering.
/// </param>
internal sealed class MigrationRenderer(MigrationHost host, MigrationHost? checksumHost = null)
{
    public RenderedMigration Render(MigrationDescriptor descriptor)
    {
        var (up, upRanCode) = Record(descriptor, host, host.CollectUp, down: false);
        return new RenderedMigration(
            descriptor,
            up,
            checksumHost is null ? MigrationChecksum.Compute(up.Statements) : Checksum(descriptor),
            renderDown: () => Record(descriptor, host, host.CollectDown, down: true).Rendered,
            replayableOn: up.Problem is null && !upRanCode && up.Backfills.Count == 0 ? host : null);
    }

    public IReadOnlyList<RenderedMigration> RenderAll(IEnumerable<MigrationDescriptor> migrations) =>
        migrations.Select(Render).ToList();

    /// <summary>The checksum alone: it covers Up only, so rendering Down as well would double the work of status.</summary>
    public string Checksum(MigrationDescriptor descriptor)
    {
        var checksums = checksumHost ?? host;
        return MigrationChecksum.Compute(Record(descriptor, checksums, checksums.CollectUp, down: false).Rendered.Statements);
    }

    public Dictionary<long, string> Checksums(IEnumerable<MigrationDescriptor> migrations) =>
        migrations.ToDictionary(migration => migration.Version, Checksum);

    /// <returns>The rendering, and whether it met Execute.WithConnection code (rendered as a placeholder only).</returns>
    private static (RenderedDirection Rendered, bool RecordedCode) Record(MigrationDescriptor descriptor, MigrationHost host, Func<FluentMigrator.IMigration, IReadOnlyList<FluentMigrator.Expressions.IMigrationExpression>> collect, bool down)
    {
        var sink = new RecordingSink();
        var previous = host.Processor.Sink;
        host.Processor.Sink = sink;
        try
        {
            // A fresh instance per direction: FluentMigrator migrations keep state between GetUp/GetDown calls.
            var migration = host.CreateMigration(descriptor.Type);
            host.Run(collect(migration));
            return (new RenderedDirection(sink.Statements, null, sink.Backfills), sink.RecordedCode);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return (new RenderedDirection(sink.Statements, Describe(exception, down), sink.Backfills), sink.RecordedCode);
        }
        finally
        {
            host.Processor.Sink = previous;
        }
    }

    private static RenderProblem Describe(Exception exception, bool down)
    {
        var root = exception;
        // Reflection and static constructors wrap the real failure; the wrapper's message says nothing useful.
        while (root is System.Reflection.TargetInvocationException or TypeInitializationException && root.InnerException is not null)
        {
            root = root.InnerException;
        }

        var message = root.Message.Split('\n')[0].Trim();
        return root switch
        {
            OfflineRenderingException offline => new RenderProblem(RenderProblemKind.NeedsDatabase, offline.Message),
            SqlFiles.MigrationHasNoDownException => new RenderProblem(RenderProblemKind.ForwardOnly, message),
            InvalidOperationException when root.StackTrace?.Contains("ForwardOnlyMigration", StringComparison.Ordinal) == true =>
                new RenderProblem(RenderProblemKind.ForwardOnly, "forward-only migration: it has no Down()"),
            NotSupportedException when root.StackTrace?.Contains(".Reverse()", StringComparison.Ordinal) == true =>
                new RenderProblem(RenderProblemKind.NotReversible, message),
            // `Down() => throw new NotImplementedException()` is how many projects say a migration is irreversible.
            NotImplementedException or NotSupportedException when down && root.TargetSite is { Name: "Down" } =>
                new RenderProblem(RenderProblemKind.ForwardOnly, $"forward-only migration: its Down() throws {root.GetType().Name}"),
            _ => new RenderProblem(RenderProblemKind.Throws, $"{root.GetType().Name}: {message}"),
        };
    }
}
