using Migrations.Safety.Rules;

namespace Migrations.Safety.Sql
{
    /// <summary>The ALTER TABLE rules, one action at a time.</summary>
    internal static class AlterTableLintRules
    {
        public static void Check(SqlLintBatch batch, ClassifiedStatement statement)
        {
            var context = batch.Context;
            var table = statement.Table;
            var tableName = SqlLintNames.TableName(statement);
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

        private static void CheckExistingTableAction(SqlLintBatch batch, ClassifiedStatement statement, AlterTableAction action, string tableName)
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

        private static void CheckAnyTableAction(SqlLintBatch batch, ClassifiedStatement statement, AlterTableAction action)
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

        private static void CheckAddColumn(SqlLintBatch batch, ClassifiedStatement statement, AlterTableAction action, string tableName)
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

        private static void CheckInlineConstraint(SqlLintBatch batch, ClassifiedStatement statement, AlterTableAction action, string tableName)
        {
            switch (action.ConstraintType)
            {
                case SqlConstraintType.ForeignKey:
                    Report(batch, statement, action, RuleIds.ForeignKeyValidated, action.ConstraintName ?? SqlLintNames.Unnamed, tableName);
                    break;
                case SqlConstraintType.Check:
                    Report(batch, statement, action, RuleIds.CheckConstraintValidated, action.ConstraintName ?? SqlLintNames.Unnamed, tableName);
                    break;
                case SqlConstraintType.Unique:
                    Report(batch, statement, action, RuleIds.UniqueOrPrimaryKeyOnExistingTable, "UNIQUE", action.ConstraintName ?? SqlLintNames.Unnamed, tableName);
                    break;
                case SqlConstraintType.PrimaryKey:
                    Report(batch, statement, action, RuleIds.UniqueOrPrimaryKeyOnExistingTable, "PRIMARY KEY", action.ConstraintName ?? SqlLintNames.Unnamed, tableName);
                    break;
            }
        }

        private static void CheckAddConstraint(SqlLintBatch batch, ClassifiedStatement statement, AlterTableAction action, string tableName)
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

        private static void CheckSetNotNull(SqlLintBatch batch, ClassifiedStatement statement, AlterTableAction action, string tableName)
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

        private static void CheckAlterType(SqlLintBatch batch, ClassifiedStatement statement, AlterTableAction action, string tableName)
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

        private static void Learn(SqlLintBatch batch, ClassifiedStatement statement, AlterTableAction action)
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

        private static void Report(SqlLintBatch batch, ClassifiedStatement statement, AlterTableAction action, string ruleId, params object?[] arguments) =>
            batch.Report(statement.Statement, statement.Statement.Offset, statement.Statement.Length, ruleId, arguments!);
    }
}
