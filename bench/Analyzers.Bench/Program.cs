using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Analyzers.Bench;

// Usage: dotnet run --project bench/Analyzers.Bench -c Release -- [migrations=2000] [runs=3]
var migrations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
var repository = FindRepository();
var work = Path.Combine(repository, "bench", "Analyzers.Bench", "obj", "generated");
var project = Path.Combine(work, "Bench.Migrations.csproj");

Run("dotnet", $"build \"{Path.Combine(repository, "analyzers", "Migrations.Analyzers", "Migrations.Analyzers.csproj")}\" -c Release -v:q -nologo", repository);
var analyzerDirectory = Path.Combine(repository, "analyzers", "Migrations.Analyzers", "bin", "Release", "netstandard2.0");
if (Directory.Exists(work))
{
    Directory.Delete(work, recursive: true);
}

MigrationGenerator.Write(work, migrations, analyzerDirectory);
Console.WriteLine($"Generated {migrations} migrations in {work}");
Run("dotnet", $"restore \"{project}\" -v:q -nologo", work);
Run("dotnet", $"build \"{project}\" -c Release --no-restore -v:q -nologo", work);

// Other builds on the machine skew wall-clock numbers: the load average is printed so noisy runs can be spotted.
Console.WriteLine("load average before: " + LoadAverage());
var off = new List<double>();
var on = new List<double>();
string report = string.Empty;
for (var run = 0; run < runs; run++)
{
    off.Add(Build("-p:RunAnalyzers=false -v:d", out _));
    on.Add(Build("-p:ReportAnalyzer=true -v:d", out report));
    Console.WriteLine($"run {run + 1}: analyzers off {off[^1]:F1} s, on {on[^1]:F1} s");
}

Console.WriteLine("load average after: " + LoadAverage());
var medianOff = Median(off);
var medianOn = Median(on);
Console.WriteLine($"median build: analyzers off {medianOff:F1} s, on {medianOn:F1} s, ratio {medianOn / medianOff:F3} (+{(medianOn / medianOff - 1) * 100:F1}%)");
Console.WriteLine("Analyzer times from -p:ReportAnalyzer=true (last run):");
foreach (var line in report.Split('\n').Where(line => line.Contains("Total analyzer execution time", StringComparison.Ordinal) || Regex.IsMatch(line, @"^\s*<?\d+\.\d+\s+<?\d+\s+Migrations\.")))
{
    Console.WriteLine("  " + line.Trim());
}

await InProcessBreakdown.RunAsync(work);

double Build(string properties, out string output)
{
    var watch = Stopwatch.StartNew();
    output = Run("dotnet", $"build \"{project}\" -c Release --no-restore --no-incremental -nologo {properties}", work);
    return watch.Elapsed.TotalSeconds;
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

static double Median(List<double> values)
{
    var sorted = values.OrderBy(value => value).ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

static string Run(string file, string arguments, string directory)
{
    var start = new ProcessStartInfo(file, arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
    using var process = Process.Start(start)!;
    var output = process.StandardOutput.ReadToEndAsync();
    var error = process.StandardError.ReadToEndAsync();
    process.WaitForExit();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}):\n{output.Result}\n{error.Result}");
    }

    return output.Result;
}

static string FindRepository()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "Migrations.Sdk.sln")))
        {
            return directory.FullName;
        }
    }

    throw new InvalidOperationException("Run from inside the repository.");
}
