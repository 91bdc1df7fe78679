using System.CommandLine;
using Migrations.Runtime.Backup;
using Migrations.Runtime.Baseline;
using Migrations.Runtime.BuildValidation;
using Migrations.Runtime.Create;
using Migrations.Runtime.Deploy;
using Migrations.Runtime.Dev;
using Migrations.Runtime.Drift;
using Migrations.Runtime.Report;
using Migrations.Runtime.Reset;
using Migrations.Runtime.Resolve;
using Migrations.Runtime.Rollback;
using Migrations.Runtime.Scaffold;
using Migrations.Runtime.Script;
using Migrations.Runtime.Seed;
using Migrations.Runtime.Squash;
using Migrations.Runtime.Status;
using Migrations.Runtime.Testing;
using Migrations.Runtime.Validate;

namespace Migrations.Runtime.Cli;

/// <summary>
/// The bundle's command line: the root options and the list of verbs, in --help order. Each verb is defined in its own
/// file beside its command (<c>Deploy/DeployVerb.cs</c>); options several verbs share come from <see cref="CommonOptions"/>.
/// </summary>
internal sealed class BundleCommandLine(string bundleName, Func<bool, IReadOnlyList<string>?, BundleContext> context)
{
    public RootCommand Build()
    {
        var connection = CommonOptions.Connection();
        var json = CommonOptions.Json();
        var tags = CommonOptions.Tags();
        var setup = new VerbSetup(bundleName, connection, json, tags, context);
        var root = new RootCommand($"""
            {bundleName}: the PostgreSQL migrations of this project, as a deploy tool.
            Every verb takes --connection (or DATABASE_URL) and --json. Exit codes are documented in docs/cli.md.
            Example: {bundleName} deploy --connection "postgresql://app@db:5432/app"
            """);
        root.Options.Add(connection);
        root.Options.Add(json);
        root.Options.Add(tags);
        Command[] verbs =
        [
            DeployVerb.Create(setup),
            StatusVerb.Create(setup),
            ScriptVerb.Create(setup),
            RollbackVerb.Create(setup),
            DevVerb.Create(setup),
            ResolveVerb.Create(setup),
            BaselineVerb.Create(setup),
            ValidateVerb.Create(setup),
            CreateVerb.Create(setup),
            BuildValidateVerb.Create(setup),
            ReportVerb.Create(setup),
            TestVerb.Create(setup),
            DriftVerb.Create(setup),
            BackupVerb.Create(setup),
            RestoreVerb.Create(setup),
            SeedVerb.Create(setup),
            ResetVerb.Create(setup),
            ProtectVerb.Create(setup, protect: true),
            ProtectVerb.Create(setup, protect: false),
            ScaffoldVerb.Create(setup),
            SquashVerb.Create(setup),
        ];
        foreach (var verb in verbs)
        {
            root.Subcommands.Add(verb);
        }

        return root;
    }
}
