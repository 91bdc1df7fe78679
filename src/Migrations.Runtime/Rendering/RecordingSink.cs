using Migrations.Runtime.Engine;
using Migrations.Safety.Sql;

namespace Migrations.Runtime.Rendering;

/// <summary>Collects statements instead of running them; Execute.WithConnection becomes a visible placeholder.</summary>
internal sealed class RecordingSink : IStatementSink
{
    public List<string> Statements { get; } = [];

    /// <summary>A backfill was declared: the migration keeps progress in the backfill table.</summary>
    public bool HasBackfills => Backfills.Count > 0;

    /// <summary>The statements that are a backfill's batch template, by index, with the table it walks.</summary>
    public Dictionary<int, SqlName> Backfills { get; } = [];

    public bool IsOffline => true;

    public void Statement(string sql) => Statements.Add(sql.Trim());

    /// <summary>An Execute.WithConnection was met: what it does is code, not in <see cref="Statements"/>.</summary>
    public bool RecordedCode { get; private set; }

    public void Operation(string? description, Action run)
    {
        RecordedCode = true;
        Statements.Add($"-- Execute.WithConnection({description ?? "code"}): runs .NET code against the live database; not rendered");
    }

    /// <summary>How the bundle runs it (a comment: tuning it changes no checksum), then the statement each batch runs.</summary>
    public void Backfill(Backfill.BackfillDefinition backfill)
    {
        backfill.Validate();
        Statements.Add(backfill.Describe());
        Backfills[Statements.Count] = new SqlName(backfill.Schema, backfill.Table);
        Statements.Add(backfill.Template());
    }
}
