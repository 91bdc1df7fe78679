using FluentMigrator;

namespace Migrations.Runtime.Tests.Fixtures.LongStatement;

[Migration(202409010000, "ledger table")]
public sealed class CreateLedger : Migration
{
    public override void Up() => Create.Table("ledger").WithColumn("id").AsInt64().PrimaryKey().Identity().WithColumn("batch").AsInt32();

    public override void Down() => Delete.Table("ledger");
}

/// <summary>One statement, no transaction of the migration's own: a cancel rolls back the statement and nothing else.</summary>
[Migration(202409020000, TransactionBehavior.None, "fill the ledger and then wait")]
public sealed class FillLedgerSlowly : Migration
{
    public override void Up()
    {
        Execute.Sql("INSERT INTO ledger (batch) VALUES (0)");
        Execute.Sql("INSERT INTO ledger (batch) SELECT 1 FROM generate_series(1, 100) WHERE pg_sleep(30) IS NOT NULL");
    }

    public override void Down() => Execute.Sql("DELETE FROM ledger");
}
