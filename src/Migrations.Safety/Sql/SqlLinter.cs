using System;
using System.Collections.Generic;
using Migrations.Safety.Rules;

namespace Migrations.Safety.Sql
{
    /// <summary>
    /// Applies the raw-SQL forms of the PGM0xx and PGM03x rules to a SQL text. Used by the analyzers on Execute.Sql
    /// literals and by the build validation on the SQL FluentMigrator renders.
    /// </summary>
    public static class SqlLinter
    {
        private const string Unnamed = "(unnamed)";

        public static IReadOnlyList<SqlFinding> Lint(string sql, SqlLintContext context)
        {
            if (sql == null)
            {
                throw new ArgumentNullException(nameof(sql));
            }

            if (context == null)
            {
                throw new ArgumentNullException(nameof(context));
            }

            var statements = SqlStatementSplitter.Split(sql);
            var batch = new Batch(context, statements.Count > 1 && context.IsSingleCommand);
            if (!context.InTransaction)
            {
                // Without a migration transaction each command commits on its own: earlier NOT VALID adds are committed.
                context.ForgetNotValidConstraints();
            }

            for (var index = 0; index < statements.Count; index++)
            {
                var statement = SqlStatementClassifier.Classify(statements[index]);
                batch.Check(statement, statements, index);
            }

            if (!context.InTransaction)
            {
                context.ForgetNotValidConstraints();
            }

            return batch.Findings;
        }

        private sealed class Batch
        {
            private readonly SqlLintContext context;
            private readonly bool multiStatementCommand;
            private readonly Dictionary<string, string> notNullChecksAddedNotValid = new Dictionary<string, string>(SqlName.Comparer);

            public Batch(SqlLintContext context, bool multiStatementCommand)
            {
                this.context = context;
                this.multiStatementCommand = multiStatementCommand;
            }

            public List<SqlFinding> Findings { get; } = new List<SqlFinding>();

            /// <summary>True when the statement shares a transaction with the migration's other statements.</summary>
            private bool Transactional => context.InTransaction || multiStatementCommand;

            public void Check(ClassifiedStatement statement, IReadOnlyList<SqlStatement> all, int index)
            {
                switch (statement.Kind)
                {
                    case SqlStatementKind.CreateTable:
                        if (statement.Table != null)
                        {
                            context.AddCreatedTable(statement.Table.Name, statement.Table.Schema);
                        }

                        break;
                    case SqlStatementKind.CreateIndex:
                        CheckConcurrent(statement, statement.Unique ? "CREATE UNIQUE INDEX CONCURRENTLY" : "CREATE INDEX CONCURRENTLY");
                        if (!statement.Concurrently && !context.IsCreatedTable(statement.Table))
                        {
                            Report(statement, RuleIds.IndexNotConcurrent, statement.ObjectName?.Name ?? Unnamed, TableName(statement));
                        }

                        break;
                    case SqlStatementKind.DropIndex:
                        CheckConcurrent(statement, "DROP INDEX CONCURRENTLY");
                        if (!statement.Concurrently)
                        {
                            Report(statement, RuleIds.DropIndexNotConcurrent, statement.ObjectName?.Name ?? Unnamed);
                        }

                        break;
                    case SqlStatementKind.Reindex:
                        CheckConcurrent(statement, "REINDEX CONCURRENTLY");
                        if (!statement.Concurrently)
                        {
                            Report(statement, RuleIds.AccessExclusiveMaintenance, "REINDEX without CONCURRENTLY");
                        }

                        break;
                    case SqlStatementKind.Vacuum:
                        if (Transactional)
                        {
                            Report(statement, RuleIds.ConcurrentInTransaction, "VACUUM");
                        }

                        if (statement.Full)
                        {
                            Report(statement, RuleIds.AccessExclusiveMaintenance, "VACUUM FULL");
                        }

                        break;
                    case SqlStatementKind.Cluster:
                        Report(statement, RuleIds.AccessExclusiveMaintenance, "CLUSTER");
                        break;
                    case SqlStatementKind.RefreshMaterializedView:
                        if (!statement.Concurrently)
                        {
                            Report(statement, RuleIds.AccessExclusiveMaintenance, "REFRESH MATERIALIZED VIEW without CONCURRENTLY");
                        }

                        break;
                    case SqlStatementKind.Lock:
                        Report(statement, RuleIds.AccessExclusiveMaintenance, "LOCK TABLE");
                        break;
                    case SqlStatementKind.CreateTrigger:
                        if (!context.IsCreatedTable(statement.Table))
                        {
                            Report(statement, RuleIds.TableRewriteOrTriggerChange, "CREATE TRIGGER", TableName(statement), "takes a SHARE ROW EXCLUSIVE lock that blocks writes");
                        }

                        break;
                    case SqlStatementKind.Update:
                    case SqlStatementKind.Delete:
                        if (!statement.HasWhere && !context.IsCreatedTable(statement.Table))
                        {
                            var verb = statement.Kind == SqlStatementKind.Update ? "UPDATE" : "DELETE";
                            Report(statement, RuleIds.WholeTableDataChange, verb + " without a WHERE clause", TableName(statement));
                        }

                        break;
                    case SqlStatementKind.Truncate:
                        Report(statement, RuleIds.Truncate, string.Join(", ", Names(statement.Tables)));
                        break;
                    case SqlStatementKind.DropTable:
                        foreach (var table in statement.Tables)
                        {
                            if (!context.IsCreatedTable(table))
                            {
                                Report(statement, RuleIds.DropTable, table.Name);
                            }
                        }

                        break;
                    case SqlStatementKind.DropSchema:
                        Report(statement, RuleIds.DropOrMoveSchema, "Dropping schema '" + statement.ObjectName?.Name + "'");
                        break;
                    case SqlStatementKind.AlterSchemaRename:
                        Report(statement, RuleIds.DropOrMoveSchema, "Renaming schema '" + statement.ObjectName?.Name + "'");
                        break;
                    case SqlStatementKind.AlterTypeRenameValue:
                        Report(statement, RuleIds.EnumValueChange, "Renaming value '" + statement.EnumValue + "' of enum '" + statement.ObjectName?.Name + "' breaks running code that still writes the old value");
                        break;
                    case SqlStatementKind.AlterTypeAddValue:
                        CheckAddEnumValue(statement, all, index);
                        break;
                    case SqlStatementKind.AlterTable:
                        AlterTableRules.Check(this, statement);
                        break;
                }
            }

            public SqlLintContext Context => context;

            public bool IsTransactional => Transactional;

            public Dictionary<string, string> NotNullChecksAddedNotValid => notNullChecksAddedNotValid;

            public void CheckConcurrent(ClassifiedStatement statement, string operation)
            {
                if (statement.Concurrently && Transactional)
                {
                    Report(statement, RuleIds.ConcurrentInTransaction, operation);
                }
            }

            public void Report(ClassifiedStatement statement, string ruleId, params object[] arguments) =>
                Report(statement.Statement, statement.Statement.Offset, statement.Statement.Length, ruleId, arguments);

            public void Report(SqlStatement statement, int offset, int length, string ruleId, params object[] arguments) =>
                Findings.Add(new SqlFinding(ruleId, RuleCatalog.Get(ruleId).FormatMessage(arguments), offset, length, statement.Text, arguments));

            private void CheckAddEnumValue(ClassifiedStatement statement, IReadOnlyList<SqlStatement> all, int index)
            {
                var type = statement.ObjectName?.Name;
                if (Transactional && context.PostgresVersion < 12)
                {
                    Report(statement, RuleIds.EnumValueChange, "ALTER TYPE " + type + " ADD VALUE cannot run inside a transaction block before PostgreSQL 12");
                    return;
                }

                if (!Transactional || statement.EnumValue == null)
                {
                    return;
                }

                for (var later = index + 1; later < all.Count; later++)
                {
                    foreach (var token in all[later].Tokens)
                    {
                        if (token.Kind == SqlTokenKind.StringLiteral && SqlLiterals.Unquote(token.Text) == statement.EnumValue)
                        {
                            Report(statement, RuleIds.EnumValueChange, "Enum value '" + statement.EnumValue + "' of '" + type + "' is used in the transaction that adds it, which fails until the transaction commits");
                            return;
                        }
                    }
                }
            }
        }

        internal static string TableName(ClassifiedStatement statement) => statement.Table?.Name ?? Unnamed;

        private static IEnumerable<string> Names(IEnumerable<SqlName> names)
        {
            foreach (var name in names)
            {
                yield return name.Name;
            }
        }

        /// <summary>The ALTER TABLE rules, one action at a time.</summary>
        private static class AlterTableRules
        {
            public static void Check(Batch batch, ClassifiedStatement statement)
            {
                var context = batch.Context;
                var table = statement.Table;
                var tableName = TableName(statement);
                var isNew = context.IsCreatedTable(table);
                foreach (var action in statement.Actions)
                {
                    if (!isNew)
                    {
                        CheckExistingTableAction(batch, statement, action, tableName);
                    }

                    CheckAnyTableAction(batch, statement, action);
                    Learn(batch, statement, action);
                }
            }

            private static void CheckExistingTableAction(Batch batch, ClassifiedStatement statement, AlterTableAction action, string tableName)
            {
                switch (action.Kind)
                {
                    case AlterTableActionKind.AddColumn:
                        CheckAddColumn(batch, statement, action, tableName);
                        break;
                    case AlterTableActionKind.AddConstraint:
                        CheckAddConstraint(batch, statement, action, tableName);
                        break;
                    case AlterTableActionKind.SetNotNull:
                        CheckSetNotNull(batch, statement, action, tableName);
                        break;
                    case AlterTableActionKind.AlterColumnType:
                        CheckAlterType(batch, statement, action, tableName);
                        break;
                    case AlterTableActionKind.DropColumn:
                        Report(batch, statement, action, RuleIds.DropColumn, action.Column, tableName);
                        break;
                    case AlterTableActionKind.RenameColumn:
                        Report(batch, statement, action, RuleIds.RenameColumn, action.Column, tableName);
                        break;
                    case AlterTableActionKind.RenameTable:
                        Report(batch, statement, action, RuleIds.RenameTable, tableName);
                        break;
                    case AlterTableActionKind.SetSchema:
                        Report(batch, statement, action, RuleIds.DropOrMoveSchema, "Moving table '" + tableName + "' to schema '" + action.NewName + "'");
                        break;
                    case AlterTableActionKind.SetTablespace:
                    case AlterTableActionKind.SetLogged:
                    case AlterTableActionKind.SetUnlogged:
                    case AlterTableActionKind.SetAccessMethod:
                        Report(batch, statement, action, RuleIds.TableRewriteOrTriggerChange, action.Text, tableName, "rewrites the table under an ACCESS EXCLUSIVE lock");
                        break;
                    case AlterTableActionKind.EnableTrigger:
                    case AlterTableActionKind.DisableTrigger:
                        Report(batch, statement, action, RuleIds.TableRewriteOrTriggerChange, action.Text, tableName, "takes a SHARE ROW EXCLUSIVE lock that blocks writes");
                        break;
                    case AlterTableActionKind.ValidateConstraint:
                        if (action.ConstraintName != null && batch.Context.IsNotValidConstraint(action.ConstraintName) && batch.IsTransactional)
                        {
                            Report(batch, statement, action, RuleIds.ValidateInSameTransaction, action.ConstraintName);
                        }

                        break;
                }
            }

            private static void CheckAnyTableAction(Batch batch, ClassifiedStatement statement, AlterTableAction action)
            {
                if (action.Kind == AlterTableActionKind.DetachPartition && action.Concurrently && batch.IsTransactional)
                {
                    Report(batch, statement, action, RuleIds.ConcurrentInTransaction, "DETACH PARTITION CONCURRENTLY");
                }

                if ((action.Kind == AlterTableActionKind.AddColumn || action.Kind == AlterTableActionKind.AlterColumnType)
                    && action.NewType != null && PostgresTypes.Normalize(action.NewType) == "json")
                {
                    Report(batch, statement, action, RuleIds.JsonInsteadOfJsonb, action.Column);
                }
            }

            private static void CheckAddColumn(Batch batch, ClassifiedStatement statement, AlterTableAction action, string tableName)
            {
                var context = batch.Context;
                if (action.Identity)
                {
                    Report(batch, statement, action, RuleIds.IdentityColumnOnExistingTable, action.Column, tableName);
                }
                else if (action.StoredGenerated)
                {
                    Report(batch, statement, action, RuleIds.StoredGeneratedColumn, action.Column, tableName);
                }
                else if (!PostgresFunctions.IsNullExpression(action.DefaultExpression)
                    && (context.PostgresVersion < 11 || PostgresFunctions.IsVolatileExpression(action.DefaultExpression!)))
                {
                    Report(batch, statement, action, RuleIds.VolatileDefaultRewrites, action.Column, tableName, action.DefaultExpression!);
                }
                else if (action.NotNull && PostgresFunctions.IsNullExpression(action.DefaultExpression))
                {
                    Report(batch, statement, action, RuleIds.NotNullColumnWithoutDefault, action.Column, tableName);
                }

                CheckInlineConstraint(batch, statement, action, tableName);
            }

            private static void CheckInlineConstraint(Batch batch, ClassifiedStatement statement, AlterTableAction action, string tableName)
            {
                switch (action.ConstraintType)
                {
                    case SqlConstraintType.ForeignKey:
                        Report(batch, statement, action, RuleIds.ForeignKeyValidated, action.ConstraintName ?? Unnamed, tableName);
                        break;
                    case SqlConstraintType.Check:
                        Report(batch, statement, action, RuleIds.CheckConstraintValidated, action.ConstraintName ?? Unnamed, tableName);
                        break;
                    case SqlConstraintType.Unique:
                        Report(batch, statement, action, RuleIds.UniqueOrPrimaryKeyOnExistingTable, "UNIQUE", action.ConstraintName ?? Unnamed, tableName);
                        break;
                    case SqlConstraintType.PrimaryKey:
                        Report(batch, statement, action, RuleIds.UniqueOrPrimaryKeyOnExistingTable, "PRIMARY KEY", action.ConstraintName ?? Unnamed, tableName);
                        break;
                }
            }

            private static void CheckAddConstraint(Batch batch, ClassifiedStatement statement, AlterTableAction action, string tableName)
            {
                if ((action.ConstraintType == SqlConstraintType.ForeignKey || action.ConstraintType == SqlConstraintType.Check) && action.NotValid)
                {
                    return;
                }

                if ((action.ConstraintType == SqlConstraintType.Unique || action.ConstraintType == SqlConstraintType.PrimaryKey) && action.UsingIndex)
                {
                    return;
                }

                CheckInlineConstraint(batch, statement, action, tableName);
            }

            private static void CheckSetNotNull(Batch batch, ClassifiedStatement statement, AlterTableAction action, string tableName)
            {
                var context = batch.Context;
                var table = statement.Table!;
                var retypedInSameStatement = false;
                foreach (var other in statement.Actions)
                {
                    retypedInSameStatement |= other.Kind == AlterTableActionKind.AlterColumnType && SqlName.Comparer.Equals(other.Column, action.Column);
                }

                string note;
                if (context.PostgresVersion < 12)
                {
                    note = " PostgreSQL " + context.PostgresVersion + " scans even with a validated check; upgrade to 12+ for the scan-free recipe.";
                }
                else if (action.Column != null && context.HasValidatedNotNullCheck(table.Name, action.Column, table.Schema))
                {
                    if (!retypedInSameStatement)
                    {
                        return;
                    }

                    note = " The TYPE clause in the same statement re-checks every CHECK constraint on the column with a full scan; drop it.";
                }
                else
                {
                    note = string.Empty;
                }

                Report(batch, statement, action, RuleIds.SetNotNullScansTable, action.Column, tableName, note);
            }

            private static void CheckAlterType(Batch batch, ClassifiedStatement statement, AlterTableAction action, string tableName)
            {
                var table = statement.Table!;
                var current = action.Column == null ? null : batch.Context.ColumnTypeResolver?.Invoke(table.Schema, table.Name, action.Column);
                string change;
                if (current == null)
                {
                    change = "to " + action.NewType + " (its current type is unknown here, so a rewrite is assumed)";
                }
                else
                {
                    var verdict = PostgresTypes.ClassifyChange(current, action.NewType ?? current);
                    if (verdict != TypeChange.Rewrite && !action.HasUsingExpression)
                    {
                        return;
                    }

                    change = "from " + PostgresTypes.Normalize(current) + " to " + PostgresTypes.Normalize(action.NewType ?? current);
                }

                Report(batch, statement, action, RuleIds.ColumnTypeChangeRewrites, action.Column, tableName, change);
            }

            private static void Learn(Batch batch, ClassifiedStatement statement, AlterTableAction action)
            {
                var context = batch.Context;
                var table = statement.Table;
                if (table == null)
                {
                    return;
                }

                if (action.Kind == AlterTableActionKind.AddConstraint && action.ConstraintType == SqlConstraintType.Check && action.NotNullCheckColumn != null)
                {
                    if (!action.NotValid)
                    {
                        context.AddValidatedNotNullCheck(table.Name, action.NotNullCheckColumn, table.Schema);
                    }
                    else if (action.ConstraintName != null)
                    {
                        batch.NotNullChecksAddedNotValid[action.ConstraintName] = action.NotNullCheckColumn;
                    }
                }

                if (action.Kind == AlterTableActionKind.AddConstraint && action.NotValid && action.ConstraintName != null && batch.IsTransactional)
                {
                    context.AddNotValidConstraint(action.ConstraintName);
                }

                if (action.Kind == AlterTableActionKind.ValidateConstraint && action.ConstraintName != null
                    && batch.NotNullChecksAddedNotValid.TryGetValue(action.ConstraintName, out var column))
                {
                    context.AddValidatedNotNullCheck(table.Name, column, table.Schema);
                }

                if (action.Kind == AlterTableActionKind.RenameTable && action.NewName != null && context.IsCreatedTable(table))
                {
                    context.AddCreatedTable(action.NewName, table.Schema);
                }
            }

            private static void Report(Batch batch, ClassifiedStatement statement, AlterTableAction action, string ruleId, params object?[] arguments) =>
                batch.Report(statement.Statement, statement.Statement.Offset, statement.Statement.Length, ruleId, arguments!);
        }
    }
}
