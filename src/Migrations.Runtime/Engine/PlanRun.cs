using Migrations.Runtime.Outcomes;
using Migrations.Runtime.Rendering;

namespace Migrations.Runtime.Engine;

/// <summary>What a <see cref="MigrationRunner"/> ran of a plan: the migrations done, in order, and the one that failed, if any.</summary>
internal sealed record PlanRun(IReadOnlyList<(RenderedMigration Migration, TimeSpan Elapsed)> Done, RenderedMigration? Failed, BundleFailure? Failure);
