using Migrations.Runtime.Backfill;

namespace Migrations.Runtime.Tests;

/// <summary>Batches sized to a target duration: grow while they finish early, shrink when they run long, never far at once.</summary>
public sealed class BatchSizerTests
{
    private static readonly TimeSpan Target = TimeSpan.FromMilliseconds(20);

    [Fact]
    public void FastBatches_GrowTheSizeAtMostTwofoldEachUpToTheMaximum()
    {
        var sizer = new BatchSizer(1_000, 5_000, Target);

        var sizes = new List<int>();
        for (var batch = 0; batch < 4; batch++)
        {
            sizer.Completed(sizer.Size, TimeSpan.FromMilliseconds(1));
            sizes.Add(sizer.Size);
        }

        Assert.Equal(new[] { 2_000, 4_000, 5_000, 5_000 }, sizes);
    }

    [Fact]
    public void SlowBatches_ShrinkTheSizeToWhatMeetsTheTarget_HalvingAtMostEachTime()
    {
        var sizer = new BatchSizer(4_000, 5_000, Target);

        sizer.Completed(4_000, TimeSpan.FromMilliseconds(25));
        Assert.Equal(3_200, sizer.Size);
        sizer.Completed(3_200, TimeSpan.FromSeconds(2));
        Assert.Equal(1_600, sizer.Size);
    }

    [Fact]
    public void AShortLastBatch_SaysNothingAboutTheSpeed_AndALockWaitHalvesTheSize()
    {
        var sizer = new BatchSizer(1_000, 5_000, Target);

        sizer.Completed(37, TimeSpan.FromMilliseconds(1));
        Assert.Equal(1_000, sizer.Size);
        sizer.Contended();
        Assert.Equal(500, sizer.Size);
    }
}
