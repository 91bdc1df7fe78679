namespace Migrations.Safety.Model
{
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
}
