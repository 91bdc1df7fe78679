using Migrations.Runtime.Cli;
using Migrations.Runtime.Connection;
using Migrations.Runtime.Fleet;
using Migrations.Runtime.Tests.Infrastructure;

namespace Migrations.Runtime.Tests;

/// <summary>One exit code for a fleet: what a retry policy (podFailurePolicy, CI) must read from it.</summary>
public sealed class FleetExitCodeTests
{
    [Theory]
    [InlineData(new[] { 0, 0 }, ExitCodes.Success)]
    [InlineData(new[] { 0, 3, 6 }, ExitCodes.MigrationFailed)]
    [InlineData(new[] { 5, 3 }, ExitCodes.LockTimeout)]
    [InlineData(new[] { 8, 4 }, ExitCodes.DeployLockNotAcquired)]
    [InlineData(new[] { 8, 0 }, ExitCodes.PendingMigrations)]
    [InlineData(new[] { 7, 6 }, ExitCodes.ValidationFailed)]
    public void AFailureARetryCannotFix_WinsOverOneItMay(int[] exitCodes, int expected)
    {
        var target = new FleetTarget(1, null, null, "postgresql://app@db/x", ConnectionStringParser.Parse("postgresql://app@db/x"));
        var outcomes = exitCodes.Select(code => new TargetOutcome(target, code == 0 ? TargetState.Succeeded : TargetState.Failed, OutcomeOfExitCode.Of(code), code, string.Empty, null, null, null, TimeSpan.Zero));

        Assert.Equal(expected, ExitCodes.Of(FleetExitCode.Of(outcomes)));
    }
}
