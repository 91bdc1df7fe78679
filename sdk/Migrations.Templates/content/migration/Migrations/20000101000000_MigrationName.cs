using FluentMigrator;

namespace Company.Migrations;

[Migration(20000101000000)]
public sealed class MigrationName : Migration
{
    public override void Up()
    {
        // Expand first: new tables, nullable columns, indexes built concurrently (in a migration of their own with
        // TransactionBehavior.None). The analyzers flag what would lock a busy table or break the running application.
    }

    public override void Down()
    {
        // Undo exactly what Up() did, in reverse order.
    }
}
