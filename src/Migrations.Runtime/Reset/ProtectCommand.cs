using Migrations.Runtime.Cli;
using Migrations.Runtime.Engine;
using Migrations.Runtime.Output;

namespace Migrations.Runtime.Reset;

/// <summary>protect / unprotect: set or clear the mark that makes <c>reset</c> refuse a database (production, staging).</summary>
public static class ProtectCommand
{
    public static async Task<int> RunAsync(BundleContext context, string? connection, bool protect, CancellationToken cancellationToken)
    {
        var settings = BundleContext.ResolveConnection(connection);
        await using var session = await LiveSession.OpenAsync(context, settings, cancellationToken);
        var mark = protect ? $"by {context.Actor.User} on {context.Actor.Host} at {DateTimeOffset.UtcNow:u}" : null;
        await ProtectionMark.SetAsync(session.Connection, settings, mark, cancellationToken);
        if (context.Json)
        {
            JsonOutput.Write(context.Output, new { database = settings.Description, @protected = protect, mark });
        }
        else
        {
            context.Output.WriteLine(protect
                ? $"Protected {settings.Description} ({mark}): reset refuses it; deploy works as before."
                : $"Unprotected {settings.Description}: reset --force may now drop its schema.");
        }

        return ExitCodes.Success;
    }
}
