using FluentMigrator;
using Migrations.Runtime.Backfill;

namespace Migrations.Runtime.Tests.Fixtures.PacedBackfill;

/// <summary>
/// The items of the Backfills fixture touched in 300 small batches 20ms apart: at least six seconds of steady WAL, so a
/// replica that stops replaying falls seconds behind while the backfill still has most of its rows to do.
/// </summary>
[Migration(202409030000, TransactionBehavior.None, "touch every item, slowly")]
public sealed class TouchItemsSlowly : Migration
{
    public override void Up() =>
        Execute.Backfill("items").Set("touched = touched + 1").BatchSize(10, 10).TargetBatchDuration(TimeSpan.FromSeconds(5)).PauseBetweenBatches(TimeSpan.FromMilliseconds(20));

    public override void Down() => Execute.Backfill("items").Set("touched = touched - 1").Where("touched > 0");
}
