using Migrations.Safety.Sql;

namespace Migrations.Runtime.Rendering;

/// <summary>One direction of a migration as rendered: its statements, what stopped it, and the backfills it declares.</summary>
internal sealed record RenderedDirection(IReadOnlyList<string> Statements, RenderProblem? Problem, IReadOnlyDictionary<int, SqlName> Backfills);
