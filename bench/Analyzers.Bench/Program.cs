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

MigrationGenerator.Write(work, migrations, analyzerDirectory, Path.Combine(repository, "analyzers", "Migrations.Analyzers.Package", "build", "Migrations.Analyzers.targets"));
Console.WriteLine($"Generated {migrations} migrations in {work}");
Run("dotnet", $"restore \"{project}\" -v:q -nologo", work);
Run("dotnet", $"build \"{project}\" -c Release --no-restore -v:q -nologo", work);

// Five builds of the same project, interleaved run by run so drift on the machine hits them alike. RunAnalyzers=false is
// the baseline the issue names; it also turns off the analyzers .NET itself ships (the interop ones even with
// EnableNETAnalyzers=false, and the CA rules a default SDK project enables), so the build without
// Migrations.Analyzers but with everything else is timed too: the difference is what ours cost.
var configurations = new (string Name, string Properties)[]
{
    ("analyzers off (RunAnalyzers=false)", "-p:RunAnalyzers=false"),
    (".NET interop analyzers only", "-p:BenchWithoutMigrationsAnalyzers=true"),
    ("+ Migrations.Analyzers", string.Empty),
    (".NET analyzers as in a default SDK project", "-p:EnableNETAnalyzers=true -p:BenchWithoutMigrationsAnalyzers=true"),
    ("+ Migrations.Analyzers ", "-p:EnableNETAnalyzers=true"),
};
Console.WriteLine("load average before: " + LoadAverage());
var times = configurations.Select(_ => new List<double>()).ToArray();
for (var run = 0; run < runs; run++)
{
    for (var index = 0; index < configurations.Length; index++)
    {
        times[index].Add(Build(configurations[index].Properties, out _));
    }

    Console.WriteLine($"run {run + 1}: " + string.Join(", ", times.Select(list => list[^1].ToString("F2", CultureInfo.InvariantCulture) + " s")));
}

Console.WriteLine("load average after: " + LoadAverage());
var medians = times.Select(Median).ToArray();
for (var index = 0; index < configurations.Length; index++)
{
    Console.WriteLine($"median {configurations[index].Name.Trim(),-45} {medians[index]:F2} s");
}

Console.WriteLine($"ratio with Migrations.Analyzers / RunAnalyzers=false:         {medians[2] / medians[0]:F3}");
Console.WriteLine($"ratio with Migrations.Analyzers / without (interop only):      {medians[2] / medians[1]:F3}");
Console.WriteLine($"ratio with Migrations.Analyzers / without (default SDK set):   {medians[4] / medians[3]:F3}");

// Per-analyzer times come from a separate build: -p:ReportAnalyzer=true times every callback and would skew the runs above.
Build("-p:ReportAnalyzer=true -v:d", out var report);
Console.WriteLine("Analyzer times from -p:ReportAnalyzer=true (one extra build):");
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
