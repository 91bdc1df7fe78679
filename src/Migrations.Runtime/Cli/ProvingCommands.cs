using System.CommandLine;
using Migrations.Runtime.Backup;
using Migrations.Runtime.Drift;
using Migrations.Runtime.Reset;
using Migrations.Runtime.Seed;
using Migrations.Runtime.Testing;

namespace Migrations.Runtime.Cli;

/// <summary>
/// The verbs that prove a migration before production (test, drift, backup, restore, seed, reset, protect, unprotect).
/// Kept apart from <see cref="BundleCommandLine"/> so each group of verbs is wired in one place. Parsing only.
/// </summary>
internal static class ProvingCommands
{
    private static readonly TimeSpan DefaultLockWait = TimeSpan.FromMinutes(2);

    public static IEnumerable<Command> Create(Option<string?> connection, Option<bool> json, Func<ParseResult, BundleContext> context)
    {
        var verbs = new Verbs(connection, context, System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name ?? "bundle");
        return [verbs.Test(), verbs.Drift(), verbs.Backup(), verbs.Restore(), verbs.Seed(), verbs.Reset(), verbs.Protect(protect: true), verbs.Protect(protect: false)];
    }

    private sealed class Verbs(Option<string?> connection, Func<ParseResult, BundleContext> context, string bundleName)
    {
        private readonly Option<TimeSpan> _lockWait = new("--lock-wait")
        {
            Description = $"How long to wait for a deployer to release the deploy lock (e.g. 60s, 5m). Default: {DefaultLockWait.TotalSeconds:0}s.",
            DefaultValueFactory = _ => DefaultLockWait,
            CustomParser = result =>
            {
                if (DurationParser.TryParse(result.Tokens[0].Value, out var value))
                {
                    return value;
                }

                result.AddError("--lock-wait takes a duration such as 5s, 500ms or 2m.");
                return default;
            },
        };

        private readonly Option<string> _profile = new("--profile") { Description = $"The [Profile] to run. Default: {SeedCommand.DefaultProfile}.", DefaultValueFactory = _ => SeedCommand.DefaultProfile };

        public Command Test()
        {
            var rows = new Option<int>("--rows") { Description = $"Rows generated into every existing table before each migration is observed. Default: {TestCommand.DefaultRows}.", DefaultValueFactory = _ => TestCommand.DefaultRows };
            var command = Verb("test",
                "Prove every migration on a throwaway database (a temporary database on the --connection server, or a private PostgreSQL cluster when none is given): Up, Down, Up with schema comparison, and the locks and rewrites each Up() really causes on seeded tables, compared with the PGM rules' predictions. Exit 11 when a round trip fails or an observation contradicts the rules.",
                "test", "test --connection \"postgresql://postgres@localhost:5432/postgres\" --rows 1000 --json", "test -o test-results.json");
            var results = new Option<string?>("--output", "-o") { Description = "Also write the results as one JSON document to this file (what --json prints), for 'report --test-results'." };
            command.Options.Add(rows);
            command.Options.Add(results);
            command.SetAction((result, token) => TestCommand.RunAsync(context(result), result.GetValue(connection), result.GetValue(rows), token, result.GetValue(results)));
            return command;
        }

        public Command Drift()
        {
            var script = new Option<bool>("--script") { Description = "Also write the SQL that would bring the live schema back to what the migrations say (for review; never run by drift)." };
            var output = new Option<string?>("--output", "-o") { Description = "With --script: write the SQL to this file instead of stdout." };
            var command = Verb("drift",
                "Compare the live schema with the schema the applied migrations produce (built in a temporary database on the same server, under the deploy lock): tables, columns, keys, indexes, views, routines, triggers, types, sequences, extensions, grants and default privileges, owners, row-level security and policies, comments, storage parameters, partitions, collations. Pending migrations are not drift. Exit 10 when drift is found.",
                "drift --connection \"$DATABASE_URL\"", "drift --json", "drift --script -o repair.sql");
            command.Options.Add(_lockWait);
            command.Options.Add(script);
            command.Options.Add(output);
            var fleet = Fleet.FleetCommandOptions.AddTo(command, Fleet.FleetVerb.Drift);
            command.SetAction((result, token) =>
            {
                if (fleet.TargetsFile(result) is not null && result.GetValue(script))
                {
                    throw BundleException.Usage("--script writes one database's repair SQL: with --targets, run drift --script on the database that drifted.");
                }

                return fleet.RunAsync(result, context(result), result.GetValue(connection), targetVersion: null,
                    (target, targetConnection, cancel) => DriftCommand.RunAsync(target, targetConnection, result.GetValue(_lockWait), result.GetValue(script), result.GetValue(output), cancel), token);
            });
            return command;
        }

        public Command Backup()
        {
            var output = new Option<string?>("--output", "-o") { Description = "Archive to write (default: <database>_<yyyyMMdd-HHmmss>.dump in $MIGRATIONS_BACKUP_DIR, else ~/.local/share/migrations/backups; never a folder inside a git work tree unless named here)." };
            var command = Verb("backup",
                "pg_dump the database in custom format to a file only you can read (mode 0600), then verify it with pg_restore --list. The password goes to pg_dump through PGPASSWORD, never its command line.",
                "backup", "backup -o /var/backups/app-before-2.4.dump");
            command.Options.Add(output);
            command.SetAction((result, token) => BackupCommand.RunAsync(context(result), result.GetValue(connection), result.GetValue(output), token));
            return command;
        }

        public Command Restore()
        {
            var file = new Argument<string>("file") { Description = "An archive written by 'backup' (pg_dump custom format)." };
            var create = new Option<bool>("--create") { Description = "Create the --connection database first (it must not exist)." };
            var force = new Option<bool>("--force") { Description = "Replace a database that is not empty (it is kept under the name <database>_before_restore_<time>)." };
            var command = Verb("restore",
                "Restore an archive as the --connection database, all or nothing: pg_restore fills a new database (with the target's encoding, locale, owner, grants and settings), and only a complete restore is swapped in under the target's name, in one transaction (sessions on the target are disconnected for the swap). A failure, Ctrl-C or kill before that changes nothing. --create makes a new database; a database that is not empty is refused without --force. Needs CREATEDB and ownership of the target (or a superuser).",
                "restore /var/backups/app_20241102-120000.dump --connection \"postgresql://app@localhost/app_copy\" --create");
            command.Arguments.Add(file);
            command.Options.Add(create);
            command.Options.Add(force);
            command.SetAction((result, token) => RestoreCommand.RunAsync(context(result), result.GetValue(connection), result.GetValue(file)!, result.GetValue(create), result.GetValue(force), token));
            return command;
        }

        public Command Seed()
        {
            var command = Verb("seed", "Run the bundle's FluentMigrator [Profile] classes (seed data; never versioned), each in its own transaction, under the deploy lock.",
                "seed", "seed --profile demo");
            command.Options.Add(_profile);
            command.Options.Add(_lockWait);
            command.SetAction((result, token) => SeedCommand.RunAsync(context(result), result.GetValue(connection), result.GetValue(_profile)!, result.GetValue(_lockWait), token));
            return command;
        }

        public Command Reset()
        {
            var force = new Option<bool>("--force") { Description = "Required: reset drops the schema and all its data." };
            var command = Verb("reset",
                "Drop and recreate the schema, apply every migration and run the seed profile. Development databases only: needs --force and refuses a database marked with 'protect'.",
                "reset --force --connection \"postgresql://dev@localhost/app_dev\"");
            command.Options.Add(force);
            command.Options.Add(_profile);
            command.Options.Add(_lockWait);
            command.SetAction((result, token) => ResetCommand.RunAsync(context(result), result.GetValue(connection), result.GetValue(force), result.GetValue(_profile)!, result.GetValue(_lockWait), token));
            return command;
        }

        public Command Protect(bool protect)
        {
            var command = protect
                ? Verb("protect", "Mark the database so that 'reset' refuses it (stored in the database as a setting; deploy and the application are unaffected).", "protect --connection \"$DATABASE_URL\"")
                : Verb("unprotect", "Remove the mark set by 'protect', so 'reset --force' may drop the schema again.", "unprotect --connection \"postgresql://dev@localhost/app_dev\"");
            command.SetAction((result, token) => ProtectCommand.RunAsync(context(result), result.GetValue(connection), protect, token));
            return command;
        }

        private Command Verb(string name, string description, params string[] examples) => VerbHelp.Create(bundleName, name, description, examples);
    }
}
