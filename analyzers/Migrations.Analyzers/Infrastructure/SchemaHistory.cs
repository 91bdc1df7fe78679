using System.Collections.Generic;
using Migrations.Safety.Sql;

namespace Migrations.Analyzers.Infrastructure
{
    /// <summary>What the earlier migrations made of one column.</summary>
    internal sealed class ColumnState
    {
        public ColumnState(string? type, bool notNull, bool hasValidatedNotNullCheck)
        {
            Type = type;
            NotNull = notNull;
            HasValidatedNotNullCheck = hasValidatedNotNullCheck;
        }

        /// <summary>The PostgreSQL type, or null when the migrations never stated it (e.g. created by raw SQL).</summary>
        public string? Type { get; }

        public bool NotNull { get; }

        public bool HasValidatedNotNullCheck { get; }

        public ColumnState With(string? type = null, bool? notNull = null, bool? check = null) =>
            new ColumnState(type ?? Type, notNull ?? NotNull, check ?? HasValidatedNotNullCheck);
    }

    /// <summary>
    /// The schema the project's migrations build, replayed once per compilation in version order.
    /// Each column keeps a timeline of states, so "the column before migration V" is a lookup, not a replay.
    /// Replay reads the Up() syntax of every migration (fluent chains and Execute.Sql literals) without binding
    /// method bodies a second time; rules still match their triggers by symbol.
    /// </summary>
    internal sealed class SchemaHistory
    {
        private readonly Dictionary<string, List<KeyValuePair<long, ColumnState?>>> timelines =
            new Dictionary<string, List<KeyValuePair<long, ColumnState?>>>(SqlName.Comparer);

        private readonly Dictionary<string, Dictionary<string, ColumnState>> current =
            new Dictionary<string, Dictionary<string, ColumnState>>(SqlName.Comparer);

        private readonly Dictionary<string, KeyValuePair<string, string>> pendingNotNullChecks =
            new Dictionary<string, KeyValuePair<string, string>>(SqlName.Comparer);

        private long version;

        public static SchemaHistory Build(MigrationCompilation compilation)
        {
            var history = new SchemaHistory();
            foreach (var migration in compilation.Index.Migrations)
            {
                history.version = migration.Version!.Value;
                HistoryReplay.Replay(history, migration);
            }

            return history;
        }

        /// <summary>The column as the migrations before <paramref name="beforeVersion"/> left it; null when the project does not know it.</summary>
        public ColumnState? GetColumn(string? schema, string table, string column, long beforeVersion)
        {
            if (!timelines.TryGetValue(Key(SqlName.TableKey(schema, table), column), out var timeline))
            {
                return null;
            }

            ColumnState? state = null;
            foreach (var entry in timeline)
            {
                if (entry.Key >= beforeVersion)
                {
                    break;
                }

                state = entry.Value;
            }

            return state;
        }

        internal void CreateTable(string table)
        {
            DropTable(table);
            current[table] = new Dictionary<string, ColumnState>(SqlName.Comparer);
        }

        internal void DropTable(string table)
        {
            if (current.TryGetValue(table, out var columns))
            {
                foreach (var column in new List<string>(columns.Keys))
                {
                    SetColumn(table, column, null);
                }

                current.Remove(table);
            }
        }

        internal void RenameTable(string table, string newTable)
        {
            if (!current.TryGetValue(table, out var columns))
            {
                return;
            }

            var copy = new Dictionary<string, ColumnState>(columns, SqlName.Comparer);
            DropTable(table);
            CreateTable(newTable);
            foreach (var column in copy)
            {
                SetColumn(newTable, column.Key, column.Value);
            }
        }

        internal ColumnState? Column(string table, string column) =>
            current.TryGetValue(table, out var columns) && columns.TryGetValue(column, out var state) ? state : null;

        internal void SetColumn(string table, string column, ColumnState? state)
        {
            if (!current.TryGetValue(table, out var columns))
            {
                columns = new Dictionary<string, ColumnState>(SqlName.Comparer);
                current[table] = columns;
            }

            if (state == null)
            {
                columns.Remove(column);
            }
            else
            {
                columns[column] = state;
            }

            var key = Key(table, column);
            if (!timelines.TryGetValue(key, out var timeline))
            {
                timeline = new List<KeyValuePair<long, ColumnState?>>();
                timelines[key] = timeline;
            }

            timeline.Add(new KeyValuePair<long, ColumnState?>(version, state));
        }

        internal void RenameColumn(string table, string column, string newColumn)
        {
            var state = Column(table, column);
            SetColumn(table, column, null);
            if (state != null)
            {
                SetColumn(table, newColumn, state);
            }
        }

        internal void AddPendingNotNullCheck(string constraint, string table, string column) =>
            pendingNotNullChecks[constraint] = new KeyValuePair<string, string>(table, column);

        internal void ValidateConstraint(string constraint)
        {
            if (pendingNotNullChecks.TryGetValue(constraint, out var target))
            {
                var state = Column(target.Key, target.Value);
                if (state != null)
                {
                    SetColumn(target.Key, target.Value, state.With(check: true));
                }
            }
        }

        private static string Key(string table, string column) => table + "\n" + column;
    }
}
