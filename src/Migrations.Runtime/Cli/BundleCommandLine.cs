using System.CommandLine;
using System.CommandLine.Parsing;
using Migrations.Runtime.Baseline;
using Migrations.Runtime.Create;
using Migrations.Runtime.Deploy;
using Migrations.Runtime.Dev;
using Migrations.Runtime.Engine;
using Migrations.Runtime.Fleet;
using Migrations.Runtime.Resolve;
using Migrations.Runtime.Rollback;
using Migrations.Runtime.Script;
using Migrations.Runtime.Status;
using Migrations.Runtime.Validate;

namespace Migrations.Runtime.Cli;

/// <summary>The bundle's verbs and options. Parsing and wiring only: each verb's work lives in its own command class.</summary>
internal sealed class BundleCommandLine
{
    private readonly string _bundleName;
    private readonly Func<bool, IReadOnlyList<string>?, BundleContext> _context;

    private readonly Option<string?> _connection = new("--connection", "-c")
    {
        Description = "Database to use: postgresql://user:password@host:5432/db?sslmode=require or 'Host=…;Database=…;Username=…'. Defaults to DATABASE_URL.",
        Recursive = true,
    };

    private readonly Option<bool> _json = new("--json") { Description = "Write one JSON document to stdout (progress goes to stderr).", Recursive = true };

    private readonly Option<string?> _tags = new("--tags")
    {
        Description = "FluentMigrator tags to run with, comma-separated: migrations whose [Tags] do not match are left out, as FluentMigrator's runner does (untagged ones always run). Default: the project's MigrationsTags.",
        Recursive = true,
    };

    private readonly Option<TimeSpan> _lockWait;
    private readonly Option<TimeSpan> _lockTimeout;
    private readonly Option<TimeSpan?> _statementTimeout;
    private readonly Option<TimeSpan> _maxReplicaLag;
    private readonly Option<long> _maxReplicaLagBytes;
    private readonly Option<TimeSpan> _backfillLockWait;
    private readonly Option<TimeSpan> _backfillPauseLimit;
    private readonly Option<TimeSpan> _indexWaitLimit;
    private readonly Option<int> _retries = new("--retries") { Description = "Attempts for a transactional migration that hits the lock timeout.", DefaultValueFactory = _ => RetryPolicy.Default.Attempts };

    private readonly Option<string[]> _allowSchema = new("--allow-schema")
    {
        Description = "With a connection that names a tenant's schema (?schema=tenant_a): a schema besides it that migrations may change objects in (shared objects). Repeat for several. Without it such a migration is refused before anything runs.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public BundleCommandLine(string bundleName, Func<bool, IReadOnlyList<string>?, BundleContext> context)
    {
        _bundleName = bundleName;
        _context = context;
        _lockWait = Duration("--lock-wait", "How long to wait for another deployer to release the deploy lock (e.g. 60s, 5m).", TimeSpan.FromMinutes(2));
        _lockTimeout = Duration("--lock-timeout", "lock_timeout for each migration statement: a DDL statement never queues behind a long transaction for longer.", DeployTimeouts.Default.LockTimeout);
        _statementTimeout = new Option<TimeSpan?>("--statement-timeout")
        {
            Description = "statement_timeout for migration statements (concurrent index builds and VALIDATE CONSTRAINT are exempt). Unset by default.",
            CustomParser = result => DurationParser.TryParse(result.Tokens[0].Value, out var value) ? value : Fail<TimeSpan?>(result, "--statement-timeout"),
        };

        var health = Backfill.HealthLimits.Default;
        _maxReplicaLag = Duration("--max-replica-lag", "A backfill pauses while a streaming replica's replay lag (pg_stat_replication.replay_lag) is above this.", health.MaxReplicaLag);
        _maxReplicaLagBytes = new Option<long>("--max-replica-lag-bytes")
        {
            Description = $"A backfill pauses while a streaming replica has more WAL than this still to replay (e.g. 256MB, 1GB). Default: {Backfill.DatabaseHealth.Bytes(health.MaxReplicaLagBytes)}.",
            DefaultValueFactory = _ => health.MaxReplicaLagBytes,
            CustomParser = result => ByteSizeParser.TryParse(result.Tokens[0].Value, out var bytes) ? bytes : FailSize(result),
        };
        _backfillLockWait = Duration("--backfill-lock-wait", "lock_timeout of each backfill batch, and how long another session may wait for a lock on the backfilled table before the backfill pauses.", health.LockWait);
        _backfillPauseLimit = Duration("--backfill-pause-limit", $"A backfill paused longer than this in one stretch gives up (exit {ExitCodes.GaveUpWaiting}, resumable: deploy again).", health.PauseLimit);
        _indexWaitLimit = Duration("--index-wait-limit", $"A concurrent index build that waits longer than this for old transactions gives up (exit {ExitCodes.GaveUpWaiting}; the next deploy rebuilds the index).", health.IndexWaitLimit);

        // lock_timeout = 0 means "wait forever" to PostgreSQL: the very queueing behind a long transaction deploy prevents.
        _lockTimeout.Validators.Add(result =>
        {
            // Only a value that parsed: an unparsable one already has its own error.
            if (result.Tokens.Count > 0 && DurationParser.TryParse(result.Tokens[0].Value, out var value) && value <= TimeSpan.Zero)
            {
                result.AddError("--lock-timeout must be more than 0: PostgreSQL reads 0 as no limit, and a DDL statement would then queue behind any long transaction, blocking every query behind it.");
            }
        });
        _backfillLockWait.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && DurationParser.TryParse(result.Tokens[0].Value, out var value) && value <= TimeSpan.Zero)
            {
                result.AddError("--backfill-lock-wait must be more than 0: it is each batch's lock_timeout, and PostgreSQL reads 0 as no limit.");
            }
        });
        _retries.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--retries must be at least 1 (1 = a single attempt, no retry).");
            }
        });
    }

    public RootCommand Build()
    {
        var root = new RootCommand($"""
            {_bundleName}: the PostgreSQL migrations of this project, as a deploy tool.
            Every verb takes --connection (or DATABASE_URL) and --json. Exit codes are documented in docs/cli.md.
            Example: {_bundleName} deploy --connection "postgresql://app@db:5432/app"
            """);
        root.Options.Add(_connection);
        root.Options.Add(_json);
        root.Options.Add(_tags);
        root.Subcommands.Add(DeployCommandDefinition());
        root.Subcommands.Add(StatusCommandDefinition());
        root.Subcommands.Add(ScriptCommandDefinition());
        root.Subcommands.Add(RollbackCommandDefinition());
        root.Subcommands.Add(DevCommandDefinition());
        root.Subcommands.Add(ResolveCommandDefinition());
        root.Subcommands.Add(BaselineCommandDefinition());
        root.Subcommands.Add(ValidateCommandDefinition());
        root.Subcommands.Add(CreateCommandDefinition());
        root.Subcommands.Add(BuildValidateCommandDefinition());
        root.Subcommands.Add(Report.ReportCommandDefinition.Create(_bundleName, Context));
        foreach (var command in ProvingCommands.Create(_connection, _json, Context).Concat(AdoptionCommands.Create(_connection, Context, _bundleName)))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    private Command DeployCommandDefinition()
    {
        var target = new Option<long?>("--target") { Description = "Stop after this version (default: the newest)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the SQL of the pending migrations instead of running it." };
        var outOfOrder = new Option<bool>("--allow-out-of-order") { Description = "Apply pending migrations older than the newest applied one." };
        var backup = new Option<bool>("--backup") { Description = "Take a verified pg_dump backup (see 'backup') under the deploy lock first; stop if it fails." };
        var trustBuild = new Option<bool>("--trust-build") { Description = "Deploy as the build judged even when this database has applied migrations past the build's MigrationsShippedThrough (whose tables the build took for empty)." };
        var rollbackOnFailure = new Option<bool>("--rollback-on-failure") { Description = "When a migration fails, run Down() of the migrations this deploy applied, newest first, and say exactly what was and was not undone." };
        var command = Verb("deploy", "Apply pending migrations, one deployer at a time (session advisory lock), with lock_timeout and retries. With --targets, on every database of a targets file.",
            "deploy --target 20241102000000", "deploy --dry-run", "deploy --targets tenants.txt --parallel 8 --canary 2");
        command.Options.Add(target);
        command.Options.Add(dryRun);
        command.Options.Add(outOfOrder);
        command.Options.Add(backup);
        command.Options.Add(trustBuild);
        command.Options.Add(rollbackOnFailure);
        AddEngineOptions(command);
        foreach (var option in new Option[] { _maxReplicaLag, _maxReplicaLagBytes, _backfillLockWait, _backfillPauseLimit, _indexWaitLimit })
        {
            command.Options.Add(option);
        }

        var fleet = FleetCommandOptions.AddTo(command, FleetVerb.Deploy);
        command.SetAction((result, token) =>
        {
            var options = new DeployOptions(
                result.GetValue(_connection), result.GetValue(target), result.GetValue(dryRun), result.GetValue(outOfOrder),
                result.GetValue(_lockWait), Timeouts(result), new RetryPolicy(result.GetValue(_retries), RetryPolicy.Default.BaseDelay), result.GetValue(backup), AllowedSchemas(result),
                result.GetValue(trustBuild), result.GetValue(rollbackOnFailure), Health(result));
            if (fleet.TargetsFile(result) is not null && (options.DryRun || options.Backup))
            {
                throw BundleException.Usage(options.DryRun
                    ? "--dry-run prints one database's SQL: with --targets, run 'status --targets' to see what is pending where."
                    : "--backup writes one archive per database, named after it, which a fleet's databases of the same name would overwrite: back the fleet up with your platform's snapshots, or deploy --backup one database at a time.");
            }

            return fleet.RunAsync(result, Context(result), options.Connection, options.Target,
                (context, connection, cancel) => DeployCommand.RunAsync(context, options with { Connection = connection }, cancel), token);
        });
        return command;
    }

    private Command StatusCommandDefinition()
    {
        var exitCode = new Option<bool>("--exit-code") { Description = $"Exit {ExitCodes.PendingMigrations} when migrations are pending and {ExitCodes.ValidationFailed} when the history needs attention (for CI gates)." };
        var command = Verb("status", "List every migration with its state: applied (when, by whom), pending, failed, modified since applied; and applied migrations this bundle does not know.",
            "status", "status --json --exit-code");
        command.Options.Add(exitCode);
        var fleet = FleetCommandOptions.AddTo(command, FleetVerb.Status);
        command.SetAction((result, token) => fleet.RunAsync(result, Context(result), result.GetValue(_connection), targetVersion: null,
            (context, connection, cancel) => StatusCommand.RunAsync(context, connection, result.GetValue(exitCode), cancel), token));
        return command;
    }

    private Command ScriptCommandDefinition()
    {
        var from = new Option<long?>("--from") { Description = "Start after this version (exclusive)." };
        var to = new Option<long?>("--to") { Description = "End at this version (inclusive)." };
        var down = new Option<bool>("--down") { Description = "Render Down() instead, newest first." };
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of stdout." };
        var command = Verb("script", "Render the SQL of a range of migrations offline, with BEGIN/COMMIT boundaries and migrations that run outside a transaction marked. Needs no database.",
            "script --from 20241102000000 --to 20241105000000 -o review.sql");
        command.Options.Add(from);
        command.Options.Add(to);
        command.Options.Add(down);
        command.Options.Add(output);
        command.SetAction(result => ScriptCommand.Run(Context(result), result.GetValue(from), result.GetValue(to), result.GetValue(down), result.GetValue(output)));
        return command;
    }

    private Command RollbackCommandDefinition()
    {
        var steps = new Option<int?>("--steps") { Description = "Roll back the newest N applied migrations." };
        var to = new Option<long?>("--to") { Description = "Roll back every migration newer than this version (0: all)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the Down() SQL the rollback would run, newest first, and run nothing (no lock taken). Exits as the rollback would." };
        var command = Verb("rollback", "Run Down() of applied migrations, newest first, under the deploy lock.", "rollback --steps 1", "rollback --to 20241102000000", "rollback --steps 2 --dry-run");
        command.Options.Add(steps);
        command.Options.Add(to);
        command.Options.Add(dryRun);
        AddEngineOptions(command);
        command.SetAction((result, token) => RollbackCommand.RunAsync(Context(result), result.GetValue(_connection), result.GetValue(steps), result.GetValue(to), result.GetValue(dryRun),
            result.GetValue(_lockWait), Timeouts(result), new RetryPolicy(result.GetValue(_retries), RetryPolicy.Default.BaseDelay), AllowedSchemas(result), token));
        return command;
    }

    private Command DevCommandDefinition()
    {
        var allowRemote = new Option<bool>("--allow-remote") { Description = "Run against a host other than localhost, a loopback address or a Unix socket (refused otherwise: dev rolls migrations back, data with them)." };
        var command = Verb("dev", $"For your own database: roll back the applied migrations edited since they were applied (and those applied after them, or after a pending one older than them), newest first, then apply everything pending, under the deploy lock. A changed migration that has shipped (MigrationsShippedThrough) is drift: refused (exit {ExitCodes.ValidationFailed}), as is, before connecting, a host other than localhost, a loopback address or a Unix socket without --allow-remote, and a protected database (exit {ExitCodes.Refused}).",
            "dev --connection \"postgresql://postgres@localhost:5432/shop_dev\"", "dev --allow-remote");
        command.Options.Add(allowRemote);
        AddEngineOptions(command);
        command.SetAction((result, token) => DevCommand.RunAsync(Context(result), new DeployOptions(
                result.GetValue(_connection), Target: null, DryRun: false, AllowOutOfOrder: false, result.GetValue(_lockWait), Timeouts(result),
                new RetryPolicy(result.GetValue(_retries), RetryPolicy.Default.BaseDelay), AllowedSchemas: AllowedSchemas(result)),
            result.GetValue(allowRemote), token));
        return command;
    }

    private Command ResolveCommandDefinition()
    {
        var applied = new Option<long?>("--applied") { Description = "Record this version as applied (its changes are in the database)." };
        var rolledBack = new Option<long?>("--rolled-back") { Description = "Record this version as not applied (its changes are not in the database)." };
        var reason = new Option<string?>("--reason") { Description = "Why: stored in the history with who resolved it." };
        var command = Verb("resolve", "Mark a migration by hand after repairing the database (a failed non-transactional migration, an edited one). Runs no migration SQL; recorded in the history.",
            "resolve --rolled-back 20241105000000 --reason \"dropped the half-built index by hand\"");
        command.Options.Add(applied);
        command.Options.Add(rolledBack);
        command.Options.Add(reason);
        command.Options.Add(_lockWait);
        command.SetAction((result, token) => ResolveCommand.RunAsync(Context(result), result.GetValue(_connection), result.GetValue(applied), result.GetValue(rolledBack), result.GetValue(reason), result.GetValue(_lockWait), token));
        return command;
    }

    private Command BaselineCommandDefinition()
    {
        var version = new Argument<long>("version") { Description = "Newest version the existing database already has." };
        var force = new Option<bool>("--force") { Description = "Record them even if the schema differs (skips the check)." };
        var command = Verb("baseline", $"Adopt an existing database: record every migration up to VERSION as applied without running it, once its schema is checked to be what they produce (a temporary database, as drift; exit {ExitCodes.DriftFound} and the differences when not).",
            "baseline 20241102000000", "baseline 20241102000000 --force");
        command.Arguments.Add(version);
        command.Options.Add(force);
        command.Options.Add(_lockWait);
        command.SetAction((result, token) => BaselineCommand.RunAsync(Context(result), result.GetValue(_connection), result.GetValue(version), result.GetValue(force), result.GetValue(_lockWait), token));
        return command;
    }

    private Command ValidateCommandDefinition()
    {
        var command = Verb("validate", "Check the migrations offline (unique versions, every Up() renders); with a connection, also that the database history matches the bundle.",
            "validate", "validate --connection \"$DATABASE_URL\"");
        var fleet = FleetCommandOptions.AddTo(command, FleetVerb.Validate);
        command.SetAction((result, token) => fleet.RunAsync(result, Context(result), result.GetValue(_connection), targetVersion: null,
            (context, connection, cancel) => ValidateCommand.RunAsync(context, connection, cancel), token));
        return command;
    }

    private Command CreateCommandDefinition()
    {
        var name = new Argument<string>("name") { Description = "What the migration does, e.g. add_glossary." };
        var projectDirectory = new Option<string?>("--project-dir") { Description = "The migrations project's folder, holding its .csproj (default: the current directory)." };
        var command = Verb("create", "Write Migrations/<yyyyMMddHHmmss>_<Name>.cs into the migrations project from a template. Refused where there is no .csproj. Never overwrites.", "create add_glossary --project-dir samples/VideoDubbing.Migrations");
        command.Arguments.Add(name);
        command.Options.Add(projectDirectory);
        command.SetAction(result => CreateCommand.Run(Context(result), result.GetValue(name)!, result.GetValue(projectDirectory), DateTimeOffset.UtcNow));
        return command;
    }

    /// <summary>Run by the SDK's MigrationsValidate target after each build; not for people, so hidden from --help.</summary>
    private Command BuildValidateCommandDefinition()
    {
        var lockFile = new Option<string>("--lock-file") { Required = true };
        var locked = new Option<bool>("--locked");
        var sqlDirectory = new Option<string?>("--sql-dir");
        var script = new Option<string?>("--script");
        var analyzerLog = new Option<string?>("--analyzer-log");
        var postgresVersion = new Option<int>("--postgres-version") { DefaultValueFactory = _ => Migrations.Safety.Judging.JudgeSettings.DefaultPostgresVersion };
        var transactionPerSession = new Option<bool>("--transaction-per-session");
        var noWarn = new Option<string?>("--no-warn");
        var safetyStartAfter = new Option<long>("--safety-start-after");
        var shippedThrough = new Option<long?>("--shipped-through");
        var treatWarningsAsErrors = new Option<bool>("--treat-warnings-as-errors");
        var warningsAsErrors = new Option<string?>("--warnings-as-errors");
        var warningsNotAsErrors = new Option<string?>("--warnings-not-as-errors");
        var analyzerConfig = new Option<string[]>("--analyzer-config") { AllowMultipleArgumentsPerToken = false };
        var sarif = new Option<string?>("--sarif");
        var command = new Command("build-validate", "Validate the migrations for the build (run by the SDK, with its arguments in a response file).") { Hidden = true };
        foreach (var option in new Option[] { lockFile, locked, sqlDirectory, script, analyzerLog, postgresVersion, transactionPerSession, noWarn, safetyStartAfter, shippedThrough, treatWarningsAsErrors, warningsAsErrors, warningsNotAsErrors, analyzerConfig, sarif })
        {
            command.Options.Add(option);
        }

        command.SetAction(result => BuildValidation.BuildValidateCommand.Run(Context(result), new BuildValidation.BuildValidateOptions(
            result.GetValue(lockFile)!, result.GetValue(locked), result.GetValue(sqlDirectory), result.GetValue(script), result.GetValue(analyzerLog),
            result.GetValue(postgresVersion), result.GetValue(transactionPerSession),
            new BuildValidation.Severities.WarningOptions(
                BuildValidation.Severities.WarningOptions.Ids(result.GetValue(noWarn)),
                result.GetValue(treatWarningsAsErrors),
                BuildValidation.Severities.WarningOptions.Ids(result.GetValue(warningsAsErrors)),
                BuildValidation.Severities.WarningOptions.Ids(result.GetValue(warningsNotAsErrors))),
            result.GetValue(safetyStartAfter),
            result.GetValue(shippedThrough),
            result.GetValue(analyzerConfig) ?? [],
            result.GetValue(sarif))));
        return command;
    }

    private Command Verb(string name, string description, params string[] examples) => VerbHelp.Create(_bundleName, name, description, examples);

    private void AddEngineOptions(Command command)
    {
        command.Options.Add(_lockWait);
        command.Options.Add(_lockTimeout);
        command.Options.Add(_statementTimeout);
        command.Options.Add(_retries);
        command.Options.Add(_allowSchema);
    }

    private IReadOnlyList<string> AllowedSchemas(ParseResult result) => result.GetValue(_allowSchema) ?? [];

    private Backfill.HealthLimits Health(ParseResult result) => new(
        result.GetValue(_maxReplicaLag), result.GetValue(_maxReplicaLagBytes), result.GetValue(_backfillLockWait), result.GetValue(_backfillPauseLimit), result.GetValue(_indexWaitLimit));

    private DeployTimeouts Timeouts(ParseResult result) => new(result.GetValue(_lockTimeout), result.GetValue(_statementTimeout));

    internal BundleContext Context(ParseResult result) => _context(result.GetValue(_json), Discovery.RunnerTags.Split(result.GetValue(_tags)));

    private static Option<TimeSpan> Duration(string name, string description, TimeSpan defaultValue) => new(name)
    {
        Description = $"{description} Default: {defaultValue.TotalSeconds:0.###}s.",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => DurationParser.TryParse(result.Tokens[0].Value, out var value) ? value : Fail<TimeSpan>(result, name),
    };

    private static long FailSize(ArgumentResult result)
    {
        result.AddError("--max-replica-lag-bytes takes a size such as 256MB, 1GB or a number of bytes.");
        return 0;
    }

    private static T Fail<T>(ArgumentResult result, string name)
    {
        result.AddError($"{name} takes a duration of at most 24h, such as 5s, 500ms, 2m or 1h30m.");
        return default!;
    }
}
