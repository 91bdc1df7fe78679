using System.Diagnostics;
using System.Globalization;
using Migrations.Runtime.Output;

namespace Migrations.Runtime.Postgres;

/// <summary>
/// Private clusters whose bundle died without cleaning up (SIGKILL, the OOM killer, a CI job cancelled hard) keep a
/// postgres server running and a directory in the temp folder. Each cluster directory names the process that owns it;
/// before a new cluster starts, directories whose owner is gone have their server stopped and are deleted. A directory
/// without an owner file is left alone unless it is over an hour old: another run may be between creating it and writing it.
/// </summary>
internal static class StaleClusters
{
    public const string DirectoryPrefix = "migrations-test-";
    private const string OwnerFile = "owner";

    /// <summary>Records this process (pid and start time, so a recycled pid is not mistaken for the owner) as the owner.</summary>
    public static void ClaimOwnership(string directory)
    {
        using var self = Process.GetCurrentProcess();
        File.WriteAllText(Path.Combine(directory, OwnerFile), $"{self.Id} {self.StartTime.ToUniversalTime().Ticks}");
    }

    public static void Sweep(string binDirectory, string? runAs, IProgressReporter progress)
    {
        string[] candidates;
        try
        {
            candidates = Directory.GetDirectories(Path.GetTempPath(), DirectoryPrefix + "*");
        }
        catch (IOException)
        {
            return;
        }

        foreach (var directory in candidates)
        {
            if (!IsAbandoned(directory))
            {
                continue;
            }

            var data = Path.Combine(directory, "data");
            if (File.Exists(Path.Combine(data, "postmaster.pid")))
            {
                ExternalProcess.Run(Path.Combine(binDirectory, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], null, runAs);
            }

            try
            {
                Directory.Delete(directory, recursive: true);
                progress.Info($"Removed {directory}, a private cluster left behind by a test run that was killed.");
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                progress.Warn($"Could not delete {directory}, a private cluster left behind by a killed test run ({exception.Message}); delete it by hand.");
            }
        }
    }

    private static bool IsAbandoned(string directory)
    {
        var ownerFile = Path.Combine(directory, OwnerFile);
        if (!File.Exists(ownerFile))
        {
            return Directory.GetLastWriteTimeUtc(directory) < DateTime.UtcNow.AddHours(-1);
        }

        var parts = File.ReadAllText(ownerFile).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var startTicks))
        {
            return false;
        }

        try
        {
            using var owner = Process.GetProcessById(pid);
            return Math.Abs(owner.StartTime.ToUniversalTime().Ticks - startTicks) > TimeSpan.TicksPerSecond;
        }
        catch (ArgumentException)
        {
            return true;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }
}
