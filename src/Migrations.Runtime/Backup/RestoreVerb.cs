using System.CommandLine;
using Migrations.Runtime.Cli;

namespace Migrations.Runtime.Backup;

/// <summary>The restore verb's options. Parsing only: the work is <see cref="RestoreCommand"/>'s.</summary>
internal static class RestoreVerb
{
    public static Command Create(VerbSetup setup)
    {
        var file = new Argument<string>("file") { Description = "An archive written by 'backup' (pg_dump custom format)." };
        var create = new Option<bool>("--create") { Description = "Create the --connection database first (it must not exist)." };
        var force = new Option<bool>("--force") { Description = "Replace a database that is not empty (it is kept under the name <database>_before_restore_<time>)." };
        var command = setup.Verb("restore",
            "Restore an archive as the --connection database, all or nothing: pg_restore fills a new database (with the target's encoding, locale, owner, grants and settings), and only a complete restore is swapped in under the target's name, in one transaction (sessions on the target are disconnected for the swap). A failure, Ctrl-C or kill before that changes nothing. --create makes a new database; a database that is not empty is refused without --force. Needs CREATEDB and ownership of the target (or a superuser).",
            "restore /var/backups/app_20241102-120000.dump --connection \"postgresql://app@localhost/app_copy\" --create");
        command.Arguments.Add(file);
        command.Options.Add(create);
        command.Options.Add(force);
        VerbSetup.SetAction(command, (result, token) => RestoreCommand.RunAsync(setup.Context(result), setup.Connection(result), result.GetValue(file)!, result.GetValue(create), result.GetValue(force), token));
        return command;
    }
}
