using System;
using System.Collections.Generic;
using Migrations.Safety.Model;
using Migrations.Safety.Sql;

namespace Migrations.Safety.Judging;

/// <summary>
/// The schema history: every migration's operations replayed once, in version order, into timelines of tables,
/// columns, constraints and indexes. "The column as it was just before this operation" is a lookup, so the rules can
/// ask it for any operation of any migration, the ones earlier in the same migration included. Both layers build it
/// the same way from their own reader, so they judge every operation against the same history.
/// </summary>
public sealed class SchemaTimeline
{
    private readonly Timeline<TableState> tables = new Timeline<TableState>();
    private readonly Timeline<ColumnState> columns = new Timeline<ColumnState>();
    private readonly Timeline<ConstraintState> constraints = new Timeline<ConstraintState>();
    private readonly Timeline<IndexState> indexes = new Timeline<IndexState>();
    private readonly Dictionary<Operation, Point> points = new Dictionary<Operation, Point>(ReferenceEqualityComparer.Instance);
    private readonly PriorSchema prior;
    private int sequence;

    private SchemaTimeline(PriorSchema? prior)
    {
        this.prior = prior ?? PriorSchema.None;
    }

    /// <param name="migrations">Every migration of the project, in the order they run.</param>
    /// <param name="prior">What is known of the database before the first of them (a live schema, or nothing).</param>
    public static SchemaTimeline Build(IEnumerable<MigrationOperations> migrations, PriorSchema? prior = null)
    {
        var timeline = new SchemaTimeline(prior);
        foreach (var migration in migrations)
        {
            timeline.Add(migration);
        }

        return timeline;
    }

    /// <summary>Replays one more migration (after every one added before it).</summary>
    public void Add(MigrationOperations migration)
    {
        var migrationIndex = ++sequence;
        for (var ordinal = 0; ordinal < migration.Operations.Count; ordinal++)
        {
            var operation = migration.Operations[ordinal];
            // An operation is judged against everything strictly before its own point, and changes the schema from it on.
            var point = new Point(migrationIndex, ordinal + 1);
            points[operation] = point;
            Apply(operation, migration.Version, point);
        }
    }

    /// <summary>The table just before <paramref name="operation"/> ran; null when the migrations never created it.</summary>
    public TableState? Table(Operation operation, SqlName table) => Table(operation, TableKey(table));

    /// <summary>As above, by <see cref="TableKey"/> (an index's table).</summary>
    public TableState? Table(Operation operation, string tableKey) => tables.Before(tableKey, At(operation));

    public ColumnState? Column(Operation operation, SqlName table, string column) =>
        columns.Before(ColumnKey(TableKey(table), column), At(operation)) ?? prior.Column(table.Schema, table.Name, column);

    public ConstraintState? Constraint(Operation operation, SqlName table, string name) =>
        constraints.Before(ConstraintKey(TableKey(table), name), At(operation));

    public IndexState? Index(Operation operation, string? schema, string name) =>
        indexes.Before(IndexKey(schema, name), At(operation));

    /// <summary>The table is known as created by the migrations or before them by <see cref="PriorSchema"/>.</summary>
    public bool IsPriorTable(SqlName table) => prior.HasTable(table.Schema, table.Name);

    private Point At(Operation operation) =>
        points.TryGetValue(operation, out var point) ? point : throw new ArgumentException("The operation is not part of this timeline.", nameof(operation));

    private void Apply(Operation operation, long version, Point point)
    {
        var table = operation.Table;
        var key = table == null || table.IsComputed ? null : TableKey(table);
        switch (operation.Kind)
        {
            case OperationKind.CreateTable:
            case OperationKind.CreateMaterializedView:
                if (key != null)
                {
                    tables.Set(key, point, new TableState(version, operation.ColumnsKnown));
                    foreach (var column in operation.Columns)
                    {
                        columns.Set(ColumnKey(key, column.Name), point, new ColumnState(column.Type, column.NotNull || column.PrimaryKey, false, 0, version));
                    }
                }

                break;
            case OperationKind.DropTable when key != null:
                tables.Set(key, point, null);
                columns.ClearPrefix(key + "\n", point);
                constraints.ClearPrefix(key + "\n", point);
                break;
            case OperationKind.RenameTable when key != null && operation.NewName != null:
                Move(key, TableKey(new SqlName(table!.Schema, operation.NewName)), point);
                break;
            case OperationKind.MoveTableToSchema when key != null && operation.NewName != null:
                Move(key, TableKey(new SqlName(operation.NewName, table!.Name)), point);
                break;
            case OperationKind.AddColumn when key != null && operation.Definition != null:
                var added = operation.Definition;
                columns.Set(ColumnKey(key, added.Name), point, new ColumnState(added.Type, added.NotNull || added.PrimaryKey || added.Identity, false, 0, version));
                break;
            case OperationKind.DropColumn when key != null && operation.Column != null:
                columns.Set(ColumnKey(key, operation.Column), point, null);
                break;
            case OperationKind.RenameColumn when key != null && operation.Column != null && operation.NewName != null:
                var renamed = columns.Before(ColumnKey(key, operation.Column), point);
                columns.Set(ColumnKey(key, operation.Column), point, null);
                columns.Set(ColumnKey(key, operation.NewName), point, renamed);
                break;
            case OperationKind.AlterColumnType when key != null && operation.Column != null:
                Change(key, operation.Column, point, state => state.With(type: operation.NewType));
                break;
            case OperationKind.SetNotNull when key != null && operation.Column != null:
                Change(key, operation.Column, point, state => state.With(notNull: true));
                break;
            case OperationKind.DropNotNull when key != null && operation.Column != null:
                Change(key, operation.Column, point, state => state.With(notNull: false));
                break;
            case OperationKind.AddConstraint when key != null:
                AddConstraint(operation, key, version, point);
                break;
            case OperationKind.ValidateConstraint when key != null && operation.ObjectName != null:
                var validated = constraints.Before(ConstraintKey(key, operation.ObjectName), point);
                if (validated != null)
                {
                    constraints.Set(ConstraintKey(key, operation.ObjectName), point, new ConstraintState(validated.Kind, validated.NotNullCheckColumn, true, validated.AddedIn, validated.AddedInTransaction));
                    if (validated.NotNullCheckColumn != null)
                    {
                        Change(key, validated.NotNullCheckColumn, point, state => state.With(validatedNotNullCheck: true));
                    }
                }

                break;
            case OperationKind.DropConstraint when key != null && operation.ObjectName != null:
                var dropped = constraints.Before(ConstraintKey(key, operation.ObjectName), point);
                constraints.Set(ConstraintKey(key, operation.ObjectName), point, null);
                if (dropped?.Kind == ConstraintKind.Check && dropped.NotNullCheckColumn != null)
                {
                    Change(key, dropped.NotNullCheckColumn, point, state => state.With(validatedNotNullCheck: false, checks: Math.Max(0, state.Checks - 1)));
                }

                break;
            case OperationKind.CreateIndex when key != null && operation.ObjectName != null:
                indexes.Set(IndexKey(table!.Schema, operation.ObjectName), point, new IndexState(key, version));
                break;
            case OperationKind.DropIndex when operation.ObjectName != null:
                indexes.Set(IndexKey(table?.Schema, operation.ObjectName), point, null);
                break;
        }
    }

    private void AddConstraint(Operation operation, string key, long version, Point point)
    {
        if (operation.ObjectName != null)
        {
            constraints.Set(ConstraintKey(key, operation.ObjectName), point,
                new ConstraintState(operation.Constraint, operation.NotNullCheckColumn, !operation.NotValid, version, operation.TransactionId));
        }

        if (operation.Constraint == ConstraintKind.PrimaryKey)
        {
            foreach (var column in operation.ObjectColumns)
            {
                Change(key, column, point, state => state.With(notNull: true));
            }
        }
        else if (operation.Constraint == ConstraintKind.Check && operation.NotNullCheckColumn != null)
        {
            Change(key, operation.NotNullCheckColumn, point, state => state.With(validatedNotNullCheck: state.ValidatedNotNullCheck || !operation.NotValid, checks: state.Checks + 1));
        }
    }

    private void Change(string table, string column, Point point, Func<ColumnState, ColumnState> change)
    {
        var key = ColumnKey(table, column);
        var state = columns.Before(key, point) ?? new ColumnState(null, false, false, 0);
        columns.Set(key, point, change(state));
    }

    private void Move(string from, string to, Point point)
    {
        var state = tables.Before(from, point);
        tables.Set(from, point, null);
        tables.Set(to, point, state);
        columns.MovePrefix(from + "\n", to + "\n", point);
        constraints.MovePrefix(from + "\n", to + "\n", point);
    }

    public static string TableKey(SqlName table) => SqlName.TableKey(table.Schema, table.Name);

    private static string ColumnKey(string table, string column) => table + "\n" + column;

    private static string ConstraintKey(string table, string name) => table + "\n" + name;

    private static string IndexKey(string? schema, string name) => SqlName.TableKey(schema, name);

    /// <summary>Where an operation runs: the migration's place in the order, then the operation's within it.</summary>
    private readonly struct Point : IComparable<Point>
    {
        public Point(int migration, int ordinal)
        {
            Migration = migration;
            Ordinal = ordinal;
        }

        public int Migration { get; }

        public int Ordinal { get; }

        public int CompareTo(Point other) => Migration != other.Migration ? Migration.CompareTo(other.Migration) : Ordinal.CompareTo(other.Ordinal);
    }

    /// <summary>Per key, the states it went through and from where on: appended in order, read at any point.</summary>
    private sealed class Timeline<TState>
        where TState : class
    {
        private readonly Dictionary<string, List<KeyValuePair<Point, TState?>>> entries = new Dictionary<string, List<KeyValuePair<Point, TState?>>>(SqlName.Comparer);

        public void Set(string key, Point point, TState? state)
        {
            if (!entries.TryGetValue(key, out var list))
            {
                list = new List<KeyValuePair<Point, TState?>>();
                entries[key] = list;
            }

            list.Add(new KeyValuePair<Point, TState?>(point, state));
        }

        /// <summary>The state set last strictly before <paramref name="point"/>.</summary>
        public TState? Before(string key, Point point)
        {
            if (!entries.TryGetValue(key, out var list))
            {
                return null;
            }

            for (var index = list.Count - 1; index >= 0; index--)
            {
                if (list[index].Key.CompareTo(point) < 0)
                {
                    return list[index].Value;
                }
            }

            return null;
        }

        public void ClearPrefix(string prefix, Point point)
        {
            foreach (var key in KeysWith(prefix))
            {
                Set(key, point, null);
            }
        }

        public void MovePrefix(string from, string to, Point point)
        {
            foreach (var key in KeysWith(from))
            {
                var state = Before(key, point);
                Set(key, point, null);
                Set(to + key.Substring(from.Length), point, state);
            }
        }

        private List<string> KeysWith(string prefix)
        {
            var keys = new List<string>();
            foreach (var key in entries.Keys)
            {
                if (key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    keys.Add(key);
                }
            }

            return keys;
        }
    }

    /// <summary>netstandard2.0 has no ReferenceEqualityComparer: operations are keyed by identity.</summary>
    private sealed class ReferenceEqualityComparer : IEqualityComparer<Operation>
    {
        public static readonly ReferenceEqualityComparer Instance = new ReferenceEqualityComparer();

        public bool Equals(Operation? x, Operation? y) => ReferenceEquals(x, y);

        public int GetHashCode(Operation obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
