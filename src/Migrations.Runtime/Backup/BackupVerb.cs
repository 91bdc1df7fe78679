using System.CommandLine;
using Migrations.Runtime.Cli;

namespace Migrations.Runtime.Backup;

/// <summary>The backup verb's options. Parsing only: the work is <see cref="BackupCommand"/>'s.</summary>
internal static class BackupVerb
{
    public static Command Create(VerbSetup setup)
    {
        var output = CommonOptions.Output("Archive to write (default: <database>_<yyyyMMdd-HHmmss>.dump in $MIGRATIONS_BACKUP_DIR, else ~/.local/share/migrations/backups; never a folder inside a git work tree unless named here).");
        var command = setup.Verb("backup",
            "pg_dump the database in custom format to a file only you can read (mode 0600), then verify it with pg_restore --list. The password goes to pg_dump through PGPASSWORD, never its command line.",
            "backup", "backup -o /var/backups/app-before-2.4.dump");
        command.Options.Add(output);
        VerbSetup.SetAction(command, (result, token) => BackupCommand.RunAsync(setup.Context(result), setup.Connection(result), result.GetValue(output), token));
        return command;
    }
}
