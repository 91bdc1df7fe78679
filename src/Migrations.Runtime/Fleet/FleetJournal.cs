using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Migrations.Runtime.Outcomes;
using Migrations.Runtime.Output;

namespace Migrations.Runtime.Fleet;

/// <summary>
/// The journal of a fleet deploy: JSON lines, appended as targets start and finish, so a run that was killed (even with
/// SIGKILL) resumes without redoing finished targets. Each line is flushed to the operating system before the next target
/// starts; a line lost to a machine crash only means that target is deployed again, which finds nothing to do.
/// It records targets by user@host:port/database (never a password), which is also how a resumed run matches them, so
/// an edited targets file still skips what finished. A journal written for other migrations, another --target or another
/// shard is not resumed: the run starts over. A run in which every target succeeded removes its journal.
/// </summary>
internal sealed class FleetJournal : IDisposable
{
    public const string Format = "migrations-fleet-journal/1";

    private readonly FileStream _stream;
    private readonly Lock _gate = new();
    private readonly HashSet<string> _finished;

    private FleetJournal(string path, FileStream stream, HashSet<string> finished, HashSet<string> interrupted)
    {
        Path = path;
        _stream = stream;
        _finished = finished;
        Interrupted = interrupted;
    }

    public string Path { get; }

    /// <summary>Targets an earlier run started and never finished (killed mid-deploy): they are simply deployed again.</summary>
    public IReadOnlySet<string> Interrupted { get; }

    public int FinishedEarlier => _finished.Count;

    /// <summary>Where the journal goes when --journal is not given: beside the targets file, one per shard.</summary>
    public static string DefaultPath(string targetsFile, FleetShard shard) =>
        shard.IsWhole ? targetsFile + ".journal" : $"{targetsFile}.shard-{shard.Index}-of-{shard.Count}.journal";

    /// <summary>Resumes the journal at <paramref name="path"/> when it was written for the same run, or starts a new one.</summary>
    public static FleetJournal Open(string path, JournalHeader header, IProgressReporter progress)
    {
        FileStream stream;
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
            // FileShare.None takes an exclusive lock (flock on Linux): two fleet runs never write one journal.
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException exception) when (File.Exists(path) && exception is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new BundleFailure(Outcome.Refused, $"The journal {path} is in use by another fleet run of these targets. Wait for it to finish, or pass another --journal.", exception);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw BundleFailure.Usage($"Cannot write the journal {path} ({exception.Message.TrimEnd('.')}). Pass --journal PATH in a folder you can write to.");
        }

        var lines = ReadLines(stream);
        var finished = new HashSet<string>(StringComparer.Ordinal);
        var interrupted = new HashSet<string>(StringComparer.Ordinal);
        var earlier = lines.Count > 0 ? JournalHeader.TryParse(lines[0]) : null;
        if (earlier is not null && earlier.SameRunAs(header))
        {
            Replay(lines.Skip(1), finished, interrupted);
            if (earlier.Targets != header.Targets)
            {
                progress.Info($"The targets file changed since the journal {path} was written: targets that finished then are still skipped (matched by user@host:port/database); the others run.");
            }

            stream.Seek(0, SeekOrigin.End);
        }
        else
        {
            if (lines.Count > 0)
            {
                progress.Info(earlier is null
                    ? $"The journal {path} is not one this bundle can read: starting a new one."
                    : $"The journal {path} was written {earlier.Difference(header)}: starting over (targets already current find nothing to deploy).");
            }

            stream.SetLength(0);
            Append(stream, header.ToJson());
        }

        return new FleetJournal(path, stream, finished, interrupted);
    }

    public bool IsFinished(FleetTarget target) => _finished.Contains(target.Address);

    public void Started(FleetTarget target) => Write(new JsonObject
    {
        ["event"] = "started",
        ["line"] = target.Line,
        ["target"] = target.Address,
        ["at"] = DateTimeOffset.UtcNow,
    });

    public void Finished(TargetOutcome outcome) => Write(new JsonObject
    {
        ["event"] = "finished",
        ["line"] = outcome.Target.Line,
        ["target"] = outcome.Target.Address,
        ["exitCode"] = outcome.ExitCode,
        ["count"] = outcome.Count,
        ["durationMs"] = (long)outcome.Duration.TotalMilliseconds,
        ["at"] = DateTimeOffset.UtcNow,
    });

    /// <summary>A complete run leaves nothing to resume; the next release's fleet deploy must start afresh.</summary>
    public void Delete()
    {
        _stream.Dispose();
        File.Delete(Path);
    }

    public void Dispose() => _stream.Dispose();

    private void Write(JsonObject record)
    {
        lock (_gate)
        {
            Append(_stream, record.ToJsonString());
        }
    }

    private static void Append(FileStream stream, string line)
    {
        stream.Write(Encoding.UTF8.GetBytes(line + "\n"));
        // To the operating system, not to the disk: that survives SIGKILL, and a line lost to a crash costs one redeploy.
        stream.Flush(flushToDisk: false);
    }

    private static List<string> ReadLines(FileStream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    private static void Replay(IEnumerable<string> lines, HashSet<string> finished, HashSet<string> interrupted)
    {
        foreach (var line in lines)
        {
            JsonNode? record;
            try
            {
                record = JsonNode.Parse(line);
            }
            catch (JsonException)
            {
                // Only the last line can be torn (the process died while writing it): that target simply runs again.
                continue;
            }

            var target = record?["target"]?.GetValue<string>();
            if (target is null)
            {
                continue;
            }

            switch (record!["event"]?.GetValue<string>())
            {
                case "started":
                    interrupted.Add(target);
                    break;
                case "finished":
                    interrupted.Remove(target);
                    // Exit code 0: the target succeeded.
                    if (record["exitCode"]?.GetValue<int>() == 0)
                    {
                        finished.Add(target);
                    }

                    break;
            }
        }
    }
}
