using System.CommandLine;
using Migrations.Runtime.Cli;

namespace Migrations.Runtime.Reset;

/// <summary>The protect and unprotect verbs: one command sets or removes the mark. Parsing only: the work is <see cref="ProtectCommand"/>'s.</summary>
internal static class ProtectVerb
{
    public static Command Create(VerbSetup setup, bool protect)
    {
        var command = protect
            ? setup.Verb("protect", "Mark the database so that 'reset' refuses it (stored in the database as a setting; deploy and the application are unaffected).", "protect --connection \"$DATABASE_URL\"")
            : setup.Verb("unprotect", "Remove the mark set by 'protect', so 'reset --force' may drop the schema again.", "unprotect --connection \"postgresql://dev@localhost/app_dev\"");
        VerbSetup.SetAction(command, (result, token) => ProtectCommand.RunAsync(setup.Context(result), setup.Connection(result), protect, token));
        return command;
    }
}
