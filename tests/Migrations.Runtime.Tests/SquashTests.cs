using Migrations.Runtime.Cli;
using Migrations.Runtime.Tests.Infrastructure;

namespace Migrations.Runtime.Tests;

/// <summary>A bundle whose older migrations were squashed into one keeps working on databases that ran the originals.</summary>
public sealed class SquashTests
{
    private const string Unsquashed = "Migrations.Runtime.Tests.Fixtures.Unsquashed";
    private const string Squashed = "Migrations.Runtime.Tests.Fixtures.Squashed";

    [Fact]
    public async Task DatabaseThatRanTheSquashedMigrations_RunsNothingAgainAndGetsTheLaterOnes()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        Assert.Equal(ExitCodes.Success, BundleRun.Run(Unsquashed, "deploy", "-c", database.Url, "--target", "202403020000").ExitCode);

        var before = BundleRun.Run(Squashed, "status", "-c", database.Url, "--exit-code");
        Assert.Equal(ExitCodes.PendingMigrations, before.ExitCode);
        Assert.Matches(@"202403020000\s+Baseline\s+applied", before.Output);
        Assert.DoesNotContain("not in this bundle", before.Output);

        var deploy = BundleRun.Run(Squashed, "deploy", "-c", database.Url);

        Assert.True(deploy.ExitCode == ExitCodes.Success, deploy.All);
        Assert.Contains("Deploying 1 migration(s)", deploy.Output);
        Assert.Contains("202403030000 AddInvoiceNumber", deploy.Output);
        Assert.DoesNotContain("Baseline", deploy.Output);
        Assert.Equal(3L, await database.ScalarAsync<long>("SELECT count(*) FROM migrations_history"));
        Assert.Equal(ExitCodes.Success, BundleRun.Run(Squashed, "status", "-c", database.Url, "--exit-code").ExitCode);
        var drift = BundleRun.Run(Squashed, "drift", "-c", database.Url);
        Assert.True(drift.ExitCode == ExitCodes.Success, drift.All);
    }

    [Fact]
    public async Task NewDatabase_RunsTheSquashThenTheRest()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();

        var deploy = BundleRun.Run(Squashed, "deploy", "-c", database.Url);

        Assert.True(deploy.ExitCode == ExitCodes.Success, deploy.All);
        Assert.Contains("Deploying 2 migration(s)", deploy.Output);
        Assert.Equal(ExitCodes.Success, BundleRun.Run(Squashed, "status", "-c", database.Url, "--exit-code").ExitCode);
        Assert.Equal(ExitCodes.Success, BundleRun.Run(Squashed, "drift", "-c", database.Url).ExitCode);
    }

    [Fact]
    public async Task DatabaseThatRanOnlySomeOfTheSquashedMigrations_IsRefusedUntouched()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        BundleRun.Run(Unsquashed, "deploy", "-c", database.Url, "--target", "202403010000");

        var deploy = BundleRun.Run(Squashed, "deploy", "-c", database.Url);
        var status = BundleRun.Run(Squashed, "status", "-c", database.Url, "--exit-code");

        Assert.Equal(ExitCodes.ValidationFailed, deploy.ExitCode);
        Assert.Contains("202403020000 Baseline replaces 2 squashed migration(s) up to 202403020000, and this database ran only some of them. Deploy the rest with a bundle from before the squash", deploy.Error);
        Assert.Equal(ExitCodes.ValidationFailed, status.ExitCode);
        Assert.Matches(@"202403020000\s+Baseline\s+squashed, partly applied", status.Output);
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM information_schema.columns WHERE table_name = 'invoices' AND column_name = 'total'"));
    }
}
