using FluentMigrator;

namespace Migrations.Runtime.Tests.Fixtures.Interrupted;

[Migration(202409010000, "ledger table")]
public sealed class CreateLedger : Migration
{
    public override void Up() => Create.Table("ledger").WithColumn("id").AsInt64().PrimaryKey().Identity().WithColumn("batch").AsInt32();

    public override void Down() => Delete.Table("ledger");
}

/// <summary>The hand-written batched backfill of many projects: one DO block that commits after every batch.</summary>
[Migration(202409020000, TransactionBehavior.None, "backfill the ledger in batches")]
public sealed class BackfillLedgerInBatches : Migration
{
    public override void Up() => Execute.Sql("""
        DO $$
        BEGIN
          FOR b IN 1..100 LOOP
            INSERT INTO ledger (batch) SELECT b FROM generate_series(1, 100);
            COMMIT;
            PERFORM pg_sleep(0.2);
          END LOOP;
        END $$
        """);

    public override void Down() => Execute.Sql("DELETE FROM ledger");
}
