namespace Migrations.Runtime.Outcomes;

/// <summary>The outcome of any exception that reaches a verb's boundary (the process, or one target of a fleet).</summary>
public static class ExceptionOutcome
{
    /// <summary>What the user can do about an exception: ours carry it; privileges and files are the user's to fix; the rest is a bug.</summary>
    public static BundleFailure Explain(Exception exception, string bundleName)
    {
        if (Find<BundleFailure>(exception) is { } bundleException)
        {
            return bundleException;
        }

        if (exception is OperationCanceledException)
        {
            return new BundleFailure(Outcome.Cancelled, "cancelled.");
        }

        if (Find<Npgsql.PostgresException>(exception) is { SqlState: Npgsql.PostgresErrorCodes.InsufficientPrivilege } denied)
        {
            return new BundleFailure(Outcome.Refused, $"PostgreSQL refused: {denied.MessageText}. Connect as a role that has this privilege, or have the owner grant it.", exception);
        }

        // Files the user named (-o, --project-dir, backups/): a path problem, not a bug. Npgsql's own I/O errors arrive
        // wrapped in NpgsqlException and are not matched here.
        if (exception is IOException or UnauthorizedAccessException)
        {
            return new BundleFailure(Outcome.UsageError, $"{exception.Message.TrimEnd('.')}. Choose a path you can write to.", exception);
        }

        // A bug of ours or of FluentMigrator: one line plus where to look, still no stack trace on the console.
        var message = exception.Message.Split('\n')[0].TrimEnd();
        return new BundleFailure(Outcome.InternalError, $"{bundleName} failed unexpectedly: {exception.GetType().Name}: {message}{(message.EndsWith('.') ? string.Empty : ".")} Set MIGRATIONS_DEBUG=1 for details.", exception);
    }

    private static T? Find<T>(Exception exception)
        where T : Exception
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }
        }

        return null;
    }
}
