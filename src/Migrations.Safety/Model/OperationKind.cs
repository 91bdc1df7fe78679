namespace Migrations.Safety.Model;

/// <summary>
/// What one operation of a migration does to the database. Both readers — the C# reader over FluentMigrator calls
/// and the SQL reader over raw or rendered SQL — produce these, so every rule judges the same thing from either.
/// </summary>
public enum OperationKind
{
    CreateTable,
    CreateMaterializedView,
    DropTable,
    RenameTable,
    MoveTableToSchema,
    AddColumn,
    DropColumn,
    RenameColumn,
    AlterColumnType,
    SetNotNull,
    DropNotNull,
    AddConstraint,
    ValidateConstraint,
    DropConstraint,
    CreateIndex,
    DropIndex,
    Reindex,
    InsertRows,
    UpdateRows,
    DeleteRows,
    Truncate,

    /// <summary>
    /// UPDATE, DELETE or INSERT … SELECT over a table that the bundle runs in key ranges, each batch its own short
    /// transaction (Execute.Backfill, or a .sql statement marked <c>-- migrations: backfill</c>): the safe form of a
    /// data change on a big table. <see cref="Operation.Table"/> is the table walked.
    /// </summary>
    Backfill,
    CreateTrigger,
    EnableOrDisableTrigger,

    /// <summary>SET TABLESPACE, SET LOGGED/UNLOGGED, SET ACCESS METHOD: the table is rewritten.</summary>
    RewriteTable,
    Vacuum,
    Cluster,
    RefreshMaterializedView,
    LockTable,
    DetachPartition,
    CreateSchema,
    DropSchema,
    RenameSchema,
    AlterEnumAddValue,
    AlterEnumRenameValue,

    /// <summary>BEGIN, COMMIT, END, ROLLBACK, ABORT, START TRANSACTION.</summary>
    TransactionControl,

    /// <summary>A statement the rules have nothing to say about (SELECT, CREATE FUNCTION, COMMENT …).</summary>
    Other,
}
