namespace Migrations.Safety.Sql;

/// <summary>The statements the safety rules know; everything else is <see cref="Other"/>.</summary>
public enum SqlStatementKind
{
    Other,
    CreateTable,
    DropTable,
    AlterTable,
    CreateIndex,
    DropIndex,
    Reindex,
    Vacuum,
    Cluster,
    RefreshMaterializedView,
    Lock,
    Update,
    Delete,
    Insert,
    Truncate,
    CreateTrigger,
    CreateSchema,
    DropSchema,
    AlterSchemaRename,
    AlterTypeAddValue,
    AlterTypeRenameValue,
    CreateMaterializedView,

    /// <summary>BEGIN, START TRANSACTION, COMMIT, END, ROLLBACK (not ROLLBACK TO SAVEPOINT), ABORT.</summary>
    TransactionControl,
}
