using System;
using System.Collections.Generic;

namespace Migrations.Safety.Sql
{
    /// <summary>
    /// What the linter knows about the migration around a SQL text. One context can be passed to successive
    /// <see cref="SqlLinter.Lint"/> calls for the statements of one migration: it learns the tables created,
    /// the constraints added NOT VALID and the NOT NULL checks validated by the statements it sees.
    /// Table names compare case-insensitively after unquoting; the schema "public" is the same as no schema.
    /// </summary>
    public sealed class SqlLintContext
    {
        private readonly HashSet<string> createdTables = new HashSet<string>(SqlName.Comparer);
        private readonly HashSet<string> validatedNotNullColumns = new HashSet<string>(SqlName.Comparer);
        private readonly HashSet<string> notValidConstraints = new HashSet<string>(SqlName.Comparer);

        /// <summary>Major version of the target PostgreSQL (MigrationsPostgresVersion); 15 unless set.</summary>
        public int PostgresVersion { get; set; } = 15;

        /// <summary>True when the migration runs in a transaction (TransactionBehavior.Default).</summary>
        public bool InTransaction { get; set; } = true;

        /// <summary>
        /// True when the whole text goes to PostgreSQL as one command, as Execute.Sql does: several statements then run
        /// as one implicit transaction even in a TransactionBehavior.None migration. False for text run statement by statement.
        /// </summary>
        public bool IsSingleCommand { get; set; } = true;

        /// <summary>The current type of a column (schema, table, column) when known, else null; used by PGM009.</summary>
        public Func<string?, string, string, string?>? ColumnTypeResolver { get; set; }

        public IReadOnlyCollection<string> CreatedTables => createdTables;

        public IReadOnlyCollection<string> NotValidConstraints => notValidConstraints;

        /// <summary>Records a table created earlier in the migration: operations on it are exempt.</summary>
        public void AddCreatedTable(string table, string? schema = null) => createdTables.Add(SqlName.TableKey(schema, table));

        public bool IsCreatedTable(string table, string? schema = null) => createdTables.Contains(SqlName.TableKey(schema, table));

        internal bool IsCreatedTable(SqlName? table) => table != null && IsCreatedTable(table.Name, table.Schema);

        /// <summary>Records a validated <c>CHECK (column IS NOT NULL)</c>: a later SET NOT NULL on PostgreSQL 12+ does not scan.</summary>
        public void AddValidatedNotNullCheck(string table, string column, string? schema = null) =>
            validatedNotNullColumns.Add(SqlName.TableKey(schema, table) + "\n" + column);

        public bool HasValidatedNotNullCheck(string table, string column, string? schema = null) =>
            validatedNotNullColumns.Contains(SqlName.TableKey(schema, table) + "\n" + column);

        /// <summary>Records a constraint added NOT VALID earlier in the same transaction (PGM006).</summary>
        public void AddNotValidConstraint(string constraint) => notValidConstraints.Add(constraint);

        public bool IsNotValidConstraint(string constraint) => notValidConstraints.Contains(constraint);

        internal void ForgetNotValidConstraints() => notValidConstraints.Clear();
    }
}
