using Migrations.Runtime.Cli;
using Migrations.Runtime.Fleet;
using Migrations.Runtime.Outcomes;
using Migrations.Runtime.Output;

namespace Migrations.Runtime.Tests;

/// <summary>The fleet journal's file handling: no database needed.</summary>
public sealed class FleetJournalTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("journal-").FullName;

    [Fact]
    public void ASecondRunOnTheSameJournal_IsRefusedWhileTheFirstHoldsIt()
    {
        var path = Path.Combine(_folder, "targets.txt.journal");
        var header = new JournalHeader("deploy", "Shop.Migrations", "sha256:1", null, "0/1", "sha256:2");
        using var first = FleetJournal.Open(path, header, new ConsoleProgress(TextWriter.Null, TextWriter.Null));

        var second = Assert.Throws<BundleFailure>(() => FleetJournal.Open(path, header, new ConsoleProgress(TextWriter.Null, TextWriter.Null)));

        Assert.Equal(ExitCodes.Refused, ExitCodes.Of(second.Kind));
        Assert.Equal($"The journal {path} is in use by another fleet run of these targets. Wait for it to finish, or pass another --journal.", second.Message);
    }

    [Fact]
    public void AJournalInAFolderThatCannotBeWritten_IsAUsageErrorThatSaysWhatToPass()
    {
        var path = Path.Combine("/proc", "targets.txt.journal");
        var header = new JournalHeader("deploy", "Shop.Migrations", "sha256:1", null, "0/1", "sha256:2");

        var failure = Assert.Throws<BundleFailure>(() => FleetJournal.Open(path, header, new ConsoleProgress(TextWriter.Null, TextWriter.Null)));

        Assert.Equal(ExitCodes.UsageError, ExitCodes.Of(failure.Kind));
        Assert.EndsWith("Pass --journal PATH in a folder you can write to.", failure.Message);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
