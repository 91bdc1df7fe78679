using FluentMigrator;
using Migrations.Runtime.Discovery;
using Migrations.Runtime.Rendering;
using Migrations.Safety;
using Migrations.Safety.Judging;
using Migrations.Safety.Rules;

namespace Migrations.Runtime.BuildValidation;

/// <summary>
/// The structure rules the build decides from what it loads and renders (PGM100, PGM101, PGM102, PGM103, PGM107,
/// PGM111): the same decisions the analyzers make from the source where they can, and the only ones where they cannot.
/// </summary>
internal static class StructureChecks
{
    /// <summary>
    /// PGM100 at each migration sharing a version with another the bundle loads (after --tags): FluentMigrator refuses to
    /// run either. Each names the other, as the analyzer does.
    /// </summary>
    public static IEnumerable<(MigrationDescriptor Migration, BuildDiagnostic Finding)> Duplicates(IReadOnlyList<MigrationDescriptor> migrations, Func<Type, SourceLocation?> locate) =>
        MigrationSet.FindDuplicates(migrations).SelectMany(duplicates => duplicates.Select(migration =>
        {
            var other = duplicates.First(candidate => candidate != migration);
            return (migration, BuildDiagnostic.Of(RuleIds.DuplicateVersion, locate(migration.Type), migration.Version, migration.Type.FullName!, other.Type.FullName!));
        }));

    /// <summary>
    /// The structure findings of one rendered migration, all placed at <paramref name="location"/> (its class); of a
    /// shipped migration only those of rules that still judge it.
    /// </summary>
    public static IEnumerable<BuildDiagnostic> Check(RenderedMigration rendered, SourceLocation? location, JudgeSettings settings) =>
        Findings(rendered, location).Where(finding => !settings.IsShipped(rendered.Migration.Version) || RuleCatalog.Get(finding.RuleId).JudgesShipped);

    private static IEnumerable<BuildDiagnostic> Findings(RenderedMigration rendered, SourceLocation? location)
    {
        var migration = rendered.Migration;
        if (!MigrationVersion.IsTimestamp(migration.Version))
        {
            yield return BuildDiagnostic.Of(RuleIds.VersionNotTimestamp, location, migration.Version, migration.Name);
        }

        if (rendered.UpProblem is { Kind: RenderProblemKind.NeedsDatabase })
        {
            yield return BuildDiagnostic.Of(RuleIds.CannotRenderOffline, location, $"Up() of '{migration.Name}'");
        }
        else if (rendered.UpProblem is { Kind: RenderProblemKind.Throws } upFailure)
        {
            yield return BuildDiagnostic.Of(RuleIds.MigrationFailsToRender, location, "Up", migration.Name, upFailure.Message);
        }

        switch (rendered.DownProblem)
        {
            case { Kind: RenderProblemKind.NotReversible } notReversible:
                yield return BuildDiagnostic.Of(RuleIds.IrreversibleInAutoReversing, location, notReversible.Message, migration.Name);
                break;
            case { Kind: RenderProblemKind.Throws } downFailure:
                yield return BuildDiagnostic.Of(RuleIds.MigrationFailsToRender, location, "Down", migration.Name, downFailure.Message);
                break;
            // An empty Down() of an empty Up() rolls back exactly what the migration did: nothing.
            case null when rendered.Down.Count == 0 && !(rendered.Up.Count == 0 && rendered.UpProblem is null) && !typeof(AutoReversingMigration).IsAssignableFrom(migration.Type):
                yield return BuildDiagnostic.Of(RuleIds.EmptyDown, location, migration.Name);
                break;
        }
    }
}
