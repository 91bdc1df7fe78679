using Migrations.Runtime.Cli;
using Migrations.Runtime.Outcomes;

namespace Migrations.Runtime.Tests.Infrastructure;

/// <summary>The outcome a documented exit code stands for: tests written in exit codes, as users see them.</summary>
internal static class OutcomeOfExitCode
{
    public static Outcome Of(int exitCode) => Enum.GetValues<Outcome>().Single(outcome => ExitCodes.Of(outcome) == exitCode);
}
