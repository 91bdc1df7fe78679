using FluentMigrator;
using Migrations.Runtime.Backfill;

namespace Migrations.Runtime.Tests.Fixtures.FailingBackfill;

/// <summary>On the Backfills fixture's items: batches of 100 commit until the one holding id 2000 divides by zero.</summary>
[Migration(202409040000, TransactionBehavior.None, "a backfill that fails at id 2000")]
public sealed class TouchItemsUntilIdTwoThousand : Migration
{
    public override void Up() =>
        Execute.Backfill("items").Set("touched = touched + 1 + 0 / (2000 - id)").BatchSize(100, 100).TargetBatchDuration(TimeSpan.FromSeconds(5)).PauseBetweenBatches(TimeSpan.Zero);

    public override void Down() => Execute.Sql("SELECT 1");
}
