using Migrations.Runtime.Connection;
using Migrations.Runtime.Engine;
using Migrations.Runtime.Outcomes;
using Migrations.Runtime.Output;

namespace Migrations.Runtime.Reset;

/// <summary>protect / unprotect: set or clear the mark that makes <c>reset</c> refuse a database (production, staging).</summary>
public static class ProtectCommand
{
    public static async Task<Outcome> RunAsync(BundleContext context, string? connection, bool protect, CancellationToken cancellationToken)
    {
        var settings = ConnectionStringParser.FromOptionOrDatabaseUrl(connection);
        await using var session = await LiveSession.OpenAsync(context.Assembly, context.Actor, settings, cancellationToken);
        // Protecting twice keeps the first mark: who protected the database, and when, is what the mark is for.
        var existing = await ProtectionMark.ReadAsync(session.Connection, cancellationToken);
        var unchanged = protect == (existing is not null);
        var mark = protect ? existing ?? $"by {context.Actor.User} on {context.Actor.Host} at {DateTimeOffset.UtcNow:u}" : null;
        if (!unchanged)
        {
            await ProtectionMark.SetAsync(session.Connection, settings, mark, cancellationToken);
        }

        if (context.Json)
        {
            JsonOutput.Write(context.Output, new { database = settings.Description, @protected = protect, mark, changed = !unchanged });
        }
        else
        {
            var already = unchanged ? "already " : string.Empty;
            context.Output.WriteLine(protect
                ? $"{settings.Description} is {already}protected ({mark}): reset refuses it; deploy works as before."
                : $"{settings.Description} is {already}unprotected: reset --force may drop its schema.");
        }

        return Outcome.Success;
    }
}
