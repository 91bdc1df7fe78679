using System;
using System.Collections.Generic;
using Migrations.Safety.Model;

namespace Migrations.Safety.Sql;

/// <summary>
/// The SQL reader: a SQL text (raw Execute.Sql, a .sql migration, or what FluentMigrator rendered) as the operations
/// it performs. Statements are split and classified by <see cref="SqlStatementClassifier"/>; one ALTER TABLE becomes one
/// operation per action, sharing a statement number.
/// </summary>
public static class SqlOperationReader
{
    /// <param name="numbering">Statement and transaction numbers of the migration the text belongs to.</param>
    /// <param name="singleCommand">
    /// The whole text goes to PostgreSQL as one command (Execute.Sql does that): several statements then share one
    /// implicit transaction even without a migration transaction. False when the text is run statement by statement.
    /// </param>
    /// <param name="source">Turns a statement's (offset, length) in <paramref name="sql"/> into the caller's source object.</param>
    public static List<Operation> Read(string sql, OperationNumbering numbering, bool singleCommand = true, Func<int, int, object?>? source = null)
    {
        if (sql == null)
        {
            throw new ArgumentNullException(nameof(sql));
        }

        var operations = new List<Operation>();
        var statements = SqlStatementSplitter.Split(sql);
        var context = numbering.ContextFor(singleCommand ? statements.Count : 1);
        var commandTransaction = numbering.NextTransaction();
        foreach (var statement in statements)
        {
            var transaction = singleCommand ? commandTransaction : numbering.NextTransaction();
            var statementId = numbering.NextStatement();
            foreach (var operation in FromStatement(SqlStatementClassifier.Classify(statement)))
            {
                operation.Text = statement.Text;
                operation.TextOffset = statement.Offset;
                operation.Transaction = context;
                operation.TransactionId = transaction;
                operation.StatementId = statementId;
                operation.Source = source?.Invoke(statement.Offset, statement.Length);
                operations.Add(operation);
            }
        }

        return operations;
    }

    /// <summary>
    /// A backfill's batch template (<paramref name="sql"/>, the statement each key range runs): one backfill of
    /// <paramref name="walked"/>, in a transaction of its own, as the C# reader reads Execute.Backfill.
    /// </summary>
    public static Operation Backfill(SqlName walked, string sql, OperationNumbering numbering, object? source = null) => new Operation(OperationKind.Backfill)
    {
        Table = walked,
        Text = sql,
        Transaction = numbering.ContextFor(1),
        TransactionId = numbering.NextTransaction(),
        StatementId = numbering.NextStatement(),
        Source = source,
    };

    private static IEnumerable<Operation> FromStatement(ClassifiedStatement statement)
    {
        switch (statement.Kind)
        {
            case SqlStatementKind.CreateTable:
                yield return CreateTable(statement);
                break;
            case SqlStatementKind.CreateMaterializedView:
                yield return new Operation(OperationKind.CreateMaterializedView) { Table = statement.Table };
                break;
            case SqlStatementKind.DropTable:
                foreach (var table in statement.Tables)
                {
                    yield return new Operation(OperationKind.DropTable) { Table = table, Tables = statement.Tables, IfExists = statement.IfExists };
                }

                break;
            case SqlStatementKind.AlterTable:
                foreach (var action in statement.Actions)
                {
                    foreach (var operation in FromAction(statement, action))
                    {
                        yield return operation;
                    }
                }

                break;
            case SqlStatementKind.CreateIndex:
                yield return new Operation(OperationKind.CreateIndex)
                {
                    Table = statement.Table,
                    ObjectName = statement.ObjectName?.Name,
                    ObjectNamedExplicitly = statement.ObjectName != null,
                    Unique = statement.Unique,
                    Concurrently = statement.Concurrently,
                };
                break;
            case SqlStatementKind.DropIndex:
                yield return new Operation(OperationKind.DropIndex) { ObjectName = statement.ObjectName?.Name, Table = null, Concurrently = statement.Concurrently, IfExists = statement.IfExists };
                break;
            case SqlStatementKind.Reindex:
                yield return new Operation(OperationKind.Reindex) { Table = statement.Table, ObjectName = statement.ObjectName?.Name, Concurrently = statement.Concurrently };
                break;
            case SqlStatementKind.Vacuum:
                yield return new Operation(OperationKind.Vacuum) { Full = statement.Full };
                break;
            case SqlStatementKind.Cluster:
                yield return new Operation(OperationKind.Cluster) { Table = statement.Table };
                break;
            case SqlStatementKind.RefreshMaterializedView:
                yield return new Operation(OperationKind.RefreshMaterializedView) { Table = statement.ObjectName, Concurrently = statement.Concurrently };
                break;
            case SqlStatementKind.Lock:
                yield return new Operation(OperationKind.LockTable) { Table = statement.Table, Tables = statement.Tables };
                break;
            case SqlStatementKind.Update:
                yield return new Operation(OperationKind.UpdateRows) { Table = statement.Table, HasWhere = statement.HasWhere };
                break;
            case SqlStatementKind.Delete:
                yield return new Operation(OperationKind.DeleteRows) { Table = statement.Table, HasWhere = statement.HasWhere };
                break;
            case SqlStatementKind.Insert:
                yield return new Operation(OperationKind.InsertRows) { Table = statement.Table };
                break;
            case SqlStatementKind.Truncate:
                yield return new Operation(OperationKind.Truncate) { Table = statement.Table, Tables = statement.Tables };
                break;
            case SqlStatementKind.CreateTrigger:
                yield return new Operation(OperationKind.CreateTrigger) { Table = statement.Table, ObjectName = statement.ObjectName?.Name, Description = "CREATE TRIGGER" };
                break;
            case SqlStatementKind.CreateSchema:
                yield return new Operation(OperationKind.CreateSchema) { ObjectName = statement.ObjectName?.Name };
                break;
            case SqlStatementKind.DropSchema:
                yield return new Operation(OperationKind.DropSchema) { ObjectName = statement.ObjectName?.Name };
                break;
            case SqlStatementKind.AlterSchemaRename:
                yield return new Operation(OperationKind.RenameSchema) { ObjectName = statement.ObjectName?.Name };
                break;
            case SqlStatementKind.AlterTypeAddValue:
                yield return new Operation(OperationKind.AlterEnumAddValue) { ObjectName = statement.ObjectName?.Name, EnumValue = statement.EnumValue };
                break;
            case SqlStatementKind.AlterTypeRenameValue:
                yield return new Operation(OperationKind.AlterEnumRenameValue) { ObjectName = statement.ObjectName?.Name, EnumValue = statement.EnumValue };
                break;
            case SqlStatementKind.TransactionControl:
                yield return new Operation(OperationKind.TransactionControl) { Description = LeadingKeywords(statement.Statement) };
                break;
            default:
                yield return new Operation(OperationKind.Other);
                break;
        }
    }

    private static Operation CreateTable(ClassifiedStatement statement)
    {
        var columns = new List<ColumnDefinition>();
        var primaryKey = new List<string>();
        foreach (var element in statement.Elements)
        {
            if (element.Kind == AlterTableActionKind.AddColumn && element.Column != null)
            {
                columns.Add(Definition(element));
            }
            else if (element.Kind == AlterTableActionKind.AddConstraint && element.ConstraintType == SqlConstraintType.PrimaryKey)
            {
                primaryKey.AddRange(element.ConstraintColumns);
            }
        }

        foreach (var column in columns)
        {
            if (primaryKey.Exists(name => SqlName.Comparer.Equals(name, column.Name)))
            {
                column.PrimaryKey = true;
                column.NotNull = true;
            }
        }

        return new Operation(OperationKind.CreateTable) { Table = statement.Table, Columns = columns, ColumnsKnown = statement.ElementsKnown };
    }

    private static IEnumerable<Operation> FromAction(ClassifiedStatement statement, AlterTableAction action)
    {
        var table = statement.Table;
        switch (action.Kind)
        {
            case AlterTableActionKind.AddColumn when action.Column != null:
                var definition = Definition(action);
                yield return new Operation(OperationKind.AddColumn) { Table = table, Column = action.Column, Definition = definition, IfExists = action.IfExists };
                if (action.ConstraintType != SqlConstraintType.None && action.ConstraintType != SqlConstraintType.PrimaryKey)
                {
                    // An inline REFERENCES, UNIQUE or CHECK is a constraint added with the column (validated, with its index).
                    yield return new Operation(OperationKind.AddConstraint) { Table = table, Constraint = Convert(action.ConstraintType), ObjectName = action.ConstraintName, ObjectColumns = new[] { action.Column } };
                }
                else if (action.ConstraintType == SqlConstraintType.PrimaryKey)
                {
                    yield return new Operation(OperationKind.AddConstraint) { Table = table, Constraint = ConstraintKind.PrimaryKey, ObjectName = action.ConstraintName, ObjectColumns = new[] { action.Column } };
                }

                break;
            case AlterTableActionKind.DropColumn:
                yield return new Operation(OperationKind.DropColumn) { Table = table, Column = action.Column, IfExists = action.IfExists };
                break;
            case AlterTableActionKind.AlterColumnType:
                yield return new Operation(OperationKind.AlterColumnType)
                {
                    Table = table,
                    Column = action.Column,
                    NewType = action.NewType == null ? null : PostgresTypes.Normalize(action.NewType),
                    UsingExpression = action.HasUsingExpression,
                };
                break;
            case AlterTableActionKind.SetNotNull:
                yield return new Operation(OperationKind.SetNotNull) { Table = table, Column = action.Column };
                break;
            case AlterTableActionKind.DropNotNull:
                yield return new Operation(OperationKind.DropNotNull) { Table = table, Column = action.Column };
                break;
            case AlterTableActionKind.AddConstraint:
                yield return new Operation(OperationKind.AddConstraint)
                {
                    Table = table,
                    Constraint = Convert(action.ConstraintType),
                    ObjectName = action.ConstraintName,
                    ObjectColumns = action.ConstraintColumns,
                    NotValid = action.NotValid,
                    UsingIndex = action.UsingIndex,
                    NotNullCheckColumn = action.NotNullCheckColumn,
                };
                break;
            case AlterTableActionKind.ValidateConstraint:
                yield return new Operation(OperationKind.ValidateConstraint) { Table = table, ObjectName = action.ConstraintName };
                break;
            case AlterTableActionKind.DropConstraint:
                yield return new Operation(OperationKind.DropConstraint) { Table = table, ObjectName = action.ConstraintName, IfExists = action.IfExists };
                break;
            case AlterTableActionKind.RenameColumn:
                yield return new Operation(OperationKind.RenameColumn) { Table = table, Column = action.Column, NewName = action.NewName };
                break;
            case AlterTableActionKind.RenameTable:
                yield return new Operation(OperationKind.RenameTable) { Table = table, NewName = action.NewName };
                break;
            case AlterTableActionKind.SetSchema:
                yield return new Operation(OperationKind.MoveTableToSchema) { Table = table, NewName = action.NewName };
                break;
            case AlterTableActionKind.SetTablespace:
            case AlterTableActionKind.SetLogged:
            case AlterTableActionKind.SetUnlogged:
            case AlterTableActionKind.SetAccessMethod:
                yield return new Operation(OperationKind.RewriteTable) { Table = table, Description = action.Text };
                break;
            case AlterTableActionKind.EnableTrigger:
            case AlterTableActionKind.DisableTrigger:
                yield return new Operation(OperationKind.EnableOrDisableTrigger) { Table = table, Description = action.Text };
                break;
            case AlterTableActionKind.DetachPartition:
                yield return new Operation(OperationKind.DetachPartition) { Table = table, Concurrently = action.Concurrently };
                break;
            default:
                yield return new Operation(OperationKind.Other) { Table = table, Description = action.Text };
                break;
        }
    }

    private static ColumnDefinition Definition(AlterTableAction action) => new ColumnDefinition(action.Column!)
    {
        Type = string.IsNullOrWhiteSpace(action.NewType) ? null : PostgresTypes.Normalize(action.NewType!),
        NotNull = action.NotNull,
        Default = PostgresFunctions.IsNullExpression(action.DefaultExpression) ? null : action.DefaultExpression,
        Identity = action.Identity,
        StoredGenerated = action.StoredGenerated,
        PrimaryKey = action.ConstraintType == SqlConstraintType.PrimaryKey,
        InlineConstraint = Convert(action.ConstraintType),
        InlineConstraintName = action.ConstraintName,
    };

    private static ConstraintKind Convert(SqlConstraintType type) => type switch
    {
        SqlConstraintType.Check => ConstraintKind.Check,
        SqlConstraintType.ForeignKey => ConstraintKind.ForeignKey,
        SqlConstraintType.Unique => ConstraintKind.Unique,
        SqlConstraintType.PrimaryKey => ConstraintKind.PrimaryKey,
        SqlConstraintType.Exclude => ConstraintKind.Exclude,
        _ => ConstraintKind.None,
    };

    /// <summary>"COMMIT", "START TRANSACTION": the statement's leading keywords, for the message.</summary>
    private static string LeadingKeywords(SqlStatement statement)
    {
        var words = new List<string>();
        foreach (var token in statement.Tokens)
        {
            if (token.IsTrivia)
            {
                continue;
            }

            if (words.Count == 2 || !char.IsLetter(token.Text[0]))
            {
                break;
            }

            words.Add(token.Text.ToUpperInvariant());
        }

        return words.Count == 2 && words[1] != "TRANSACTION" && words[1] != "WORK" ? words[0] : string.Join(" ", words);
    }
}
