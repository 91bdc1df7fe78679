using FluentMigrator;
using Migrations.Runtime.Backfill;

namespace Migrations.Runtime.Tests.Fixtures.Backfills;

/// <summary>Rows to backfill: 3,000 items, each with a counter a backfill increments, so a row done twice shows.</summary>
[Migration(202409010000, "items")]
public sealed class CreateItems : Migration
{
    public override void Up()
    {
        Create.Table("items")
            .WithColumn("id").AsInt64().PrimaryKey()
            .WithColumn("touched").AsInt32().NotNullable().WithDefaultValue(0)
            .WithColumn("label").AsString().Nullable();
        Execute.Sql("INSERT INTO items (id, label) SELECT i, 'item ' || i FROM generate_series(1, 3000) AS i");
    }

    public override void Down() => Delete.Table("items");
}

/// <summary>
/// Not idempotent on purpose (touched = touched + 1, no condition): a batch done twice or skipped leaves a row at 2 or 0.
/// Batches of exactly 100 (a target duration no batch of 100 reaches), 20ms apart, so a test can stop it half-way.
/// </summary>
[Migration(202409020000, TransactionBehavior.None, "touch every item")]
public sealed class TouchItems : Migration
{
    public override void Up() =>
        Execute.Backfill("items").Set("touched = touched + 1").BatchSize(100, 100).TargetBatchDuration(TimeSpan.FromSeconds(5)).PauseBetweenBatches(TimeSpan.FromMilliseconds(20));

    public override void Down() => Execute.Backfill("items").Set("touched = touched - 1").Where("touched > 0");
}
