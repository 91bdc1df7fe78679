using System.Collections.Generic;
using System.Linq;
using Migrations.Safety.Model;
using Migrations.Safety.Sql;

namespace Migrations.Safety.Judging;

/// <summary>
/// What a rule may ask while it decides one operation: the schema just before it (history and the earlier operations
/// of the migration), whether a table is new, the operation's neighbours, and the project's settings.
/// </summary>
public sealed class JudgeContext
{
    private readonly SchemaTimeline timeline;
    private readonly List<Verdict> verdicts;

    internal JudgeContext(MigrationOperations migration, SchemaTimeline timeline, JudgeSettings settings, List<Verdict> verdicts)
    {
        Migration = migration;
        this.timeline = timeline;
        Settings = settings;
        this.verdicts = verdicts;
    }

    public MigrationOperations Migration { get; }

    public JudgeSettings Settings { get; }

    public int PostgresVersion => Settings.PostgresVersion;

    /// <summary>The operation being decided.</summary>
    public Operation Current { get; internal set; } = null!;

    internal int Position { get; set; }

    /// <summary>
    /// The table is empty when the operation runs: created earlier in this migration, or by a migration of the same
    /// change that has not shipped yet (see <see cref="JudgeSettings.ShippedThrough"/>). A table the migrations never
    /// created is taken to exist with rows.
    /// </summary>
    public bool IsNewTable(SqlName? table)
    {
        if (table == null)
        {
            return false;
        }

        // A name computed at run time may be one of the tables this migration creates; in a migration that creates
        // none, the hazard does not depend on the name.
        return table.IsComputed
            ? Earlier().Any(earlier => earlier.Kind == OperationKind.CreateTable)
            : IsNew(timeline.Table(Current, table));
    }

    public bool IsNewTable(string tableKey) => IsNew(timeline.Table(Current, tableKey));

    /// <summary>The column was added by this migration or by an unshipped one: no running code reads it yet.</summary>
    public bool IsNewColumn(SqlName table, string column) => Column(table, column)?.AddedIn is long added && IsNewVersion(added);

    public ColumnState? Column(SqlName table, string column) => table.IsComputed ? null : timeline.Column(Current, table, column);

    public ConstraintState? Constraint(SqlName table, string name) => table.IsComputed ? null : timeline.Constraint(Current, table, name);

    public IndexState? Index(string? schema, string name) => timeline.Index(Current, schema, name);

    /// <summary>The operation shares a transaction with others: the migration's, or one multi-statement command's.</summary>
    public static bool InTransaction(Operation operation) => operation.Transaction != TransactionContext.Autocommit;

    /// <summary>The other operations of the same statement (ALTER TABLE t ALTER c TYPE …, ALTER c SET NOT NULL).</summary>
    public IEnumerable<Operation> SameStatement()
    {
        foreach (var operation in Migration.Operations)
        {
            if (!ReferenceEquals(operation, Current) && operation.StatementId == Current.StatementId)
            {
                yield return operation;
            }
        }
    }

    /// <summary>The operations of this migration that run before the current one.</summary>
    public IEnumerable<Operation> Earlier()
    {
        for (var index = 0; index < Position; index++)
        {
            yield return Migration.Operations[index];
        }
    }

    /// <summary>The operations of this migration that run after the current one.</summary>
    public IEnumerable<Operation> Later()
    {
        for (var index = Position + 1; index < Migration.Operations.Count; index++)
        {
            yield return Migration.Operations[index];
        }
    }

    public void Report(string ruleId, OperationPart part, params object?[] arguments) =>
        verdicts.Add(new Verdict(ruleId, Current, part, arguments));

    /// <summary>Reports at a source of the reader's other than the operation's own parts (one column of a CREATE TABLE).</summary>
    public void ReportAt(string ruleId, object? source, OperationPart part, params object?[] arguments) =>
        verdicts.Add(new Verdict(ruleId, Current, part, arguments, source));

    /// <summary>How messages name a table: its name, or "(computed)"/"(unnamed)".</summary>
    public static string NameOf(SqlName? table) => table?.Name ?? "(unnamed)";

    private bool IsNew(TableState? state) => state != null && IsNewVersion(state.CreatedIn);

    private bool IsNewVersion(long createdIn) =>
        createdIn == Migration.Version
        || (Settings.ShippedThrough is long shipped && Migration.Version > shipped && createdIn > shipped);
}
