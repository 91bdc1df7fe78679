using Migrations.Runtime.Engine;
using Migrations.Runtime.Outcomes;
using Migrations.Runtime.Output;
using Migrations.Runtime.Rendering;

namespace Migrations.Runtime.Script;

/// <summary>script: renders the SQL of a range of migrations offline, for review. No database is touched.</summary>
public static class ScriptCommand
{
    public static Outcome Run(BundleContext context, long? from, long? to, bool down, string? outputPath)
    {
        var bundle = context.Migrations;
        foreach (var bound in new[] { from, to })
        {
            if (bound is { } version && version != 0 && !bundle.Contains(version))
            {
                throw BundleFailure.Usage($"{version} is not a migration of this bundle. Run 'status' to list the versions it knows.");
            }
        }

        if (from is { } after && to is { } upTo && upTo <= after)
        {
            throw BundleFailure.Usage($"--to {upTo} is not after --from {after}: --from is exclusive and --to inclusive, so the range is empty. Swap them, or use --down for the reverse order.");
        }

        var range = bundle.Migrations.Where(migration => (from is null || migration.Version > from) && (to is null || migration.Version <= to)).ToList();
        if (down)
        {
            range.Reverse();
        }

        using var host = MigrationHost.Create(context.Assembly);
        var rendered = new MigrationRenderer(host).RenderAll(range);
        if (context.Json)
        {
            var document = rendered.Select(item => new
            {
                version = item.Migration.Version,
                name = item.Migration.Name,
                transactional = item.Migration.IsTransactional,
                checksum = item.Checksum,
                sql = down ? item.Down : item.Up,
                problem = (down ? item.DownProblem : item.UpProblem)?.Message,
            }).ToList();
            if (outputPath is null)
            {
                JsonOutput.Write(context.Output, document);
            }
            else
            {
                using (var file = new StreamWriter(outputPath))
                {
                    JsonOutput.Write(file, document);
                }

                JsonOutput.Write(context.Output, new { wrote = outputPath, migrations = rendered.Count });
            }

            return Outcome.Success;
        }

        var script = $"-- {(down ? "Down" : "Up")} SQL of {rendered.Count} migration(s), rendered offline by {context.Actor.BundleVersion}.\n\n" + SqlScriptWriter.Write(rendered, down);
        if (outputPath is null)
        {
            context.Output.Write(script);
        }
        else
        {
            File.WriteAllText(outputPath, script);
            context.Output.WriteLine($"Wrote {rendered.Count} migration(s) to {outputPath}.");
        }

        return Outcome.Success;
    }
}
