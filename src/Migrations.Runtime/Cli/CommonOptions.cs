using System.CommandLine;
using System.CommandLine.Parsing;
using Migrations.Runtime.Engine;

namespace Migrations.Runtime.Cli;

/// <summary>
/// Every option more than one verb takes, each defined once here (dotnet/sdk's CommonOptions pattern): its name, help
/// text, default and parse error. A verb calls the factory method and keeps the instance to read the value with.
/// An option only one verb takes is defined in that verb's file.
/// </summary>
internal static class CommonOptions
{
    /// <summary>Default of --lock-wait: long enough for another deploy's short migrations, short enough to notice a stuck one.</summary>
    public static readonly TimeSpan DefaultLockWait = TimeSpan.FromMinutes(2);

    /// <summary>On the root command, recursive: every verb takes it.</summary>
    public static Option<string?> Connection() => new("--connection", "-c")
    {
        Description = "Database to use: postgresql://user:password@host:5432/db?sslmode=require or 'Host=…;Database=…;Username=…'. Defaults to DATABASE_URL.",
        Recursive = true,
    };

    /// <summary>On the root command, recursive: every verb takes it.</summary>
    public static Option<bool> Json() => new("--json") { Description = "Write one JSON document to stdout (progress goes to stderr).", Recursive = true };

    /// <summary>On the root command, recursive: every verb takes it.</summary>
    public static Option<string?> Tags() => new("--tags")
    {
        Description = "FluentMigrator tags to run with, comma-separated: migrations whose [Tags] do not match are left out, as FluentMigrator's runner does (untagged ones always run). Default: the project's MigrationsTags.",
        Recursive = true,
    };

    public static Option<TimeSpan> LockWait() =>
        Duration("--lock-wait", "How long to wait for another deployer to release the deploy lock (e.g. 60s, 5m).", DefaultLockWait);

    public static Option<TimeSpan> LockTimeout() => MoreThanZero(
        Duration("--lock-timeout", "lock_timeout for each migration statement: a DDL statement never queues behind a long transaction for longer.", DeployTimeouts.Default.LockTimeout),
        // lock_timeout = 0 means "wait forever" to PostgreSQL: the very queueing behind a long transaction deploy prevents.
        "PostgreSQL reads 0 as no limit, and a DDL statement would then queue behind any long transaction, blocking every query behind it");

    public static Option<TimeSpan?> StatementTimeout() => new("--statement-timeout")
    {
        Description = "statement_timeout for migration statements (concurrent index builds and VALIDATE CONSTRAINT are exempt). Unset by default.",
        CustomParser = result => DurationParser.TryParse(result.Tokens[0].Value, out var value) ? value : DurationError<TimeSpan?>(result, "--statement-timeout"),
    };

    public static Option<int> Retries()
    {
        var option = new Option<int>("--retries") { Description = "Attempts for a transactional migration that hits the lock timeout.", DefaultValueFactory = _ => RetryPolicy.Default.Attempts };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--retries must be at least 1 (1 = a single attempt, no retry).");
            }
        });
        return option;
    }

    public static Option<string[]> AllowSchema() => new("--allow-schema")
    {
        Description = "With a connection that names a tenant's schema (?schema=tenant_a): a schema besides it that migrations may change objects in (shared objects). Repeat for several. Without it such a migration is refused before anything runs.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>A file a verb writes instead of stdout; each verb says what goes into it.</summary>
    public static Option<string?> Output(string description) => new("--output", "-o") { Description = description };

    /// <summary>The migrations project's folder, for the verbs that write source files into it.</summary>
    public static Option<string?> ProjectDirectory(string description) => new("--project-dir") { Description = description };

    /// <summary>A duration option (5s, 500ms, 2m, 1h30m) whose --help shows its default, with the one parse error all share.</summary>
    public static Option<TimeSpan> Duration(string name, string description, TimeSpan defaultValue) => new(name)
    {
        Description = $"{description} Default: {defaultValue.TotalSeconds:0.###}s.",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => DurationParser.TryParse(result.Tokens[0].Value, out var value) ? value : DurationError<TimeSpan>(result, name),
    };

    /// <summary>A size option (256MB, 1GB, plain bytes; units of 1024) whose --help shows its default, with the one parse error all share.</summary>
    public static Option<long> ByteSize(string name, string description, long defaultValue, string defaultText) => new(name)
    {
        Description = $"{description} Default: {defaultText}.",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            if (ByteSizeParser.TryParse(result.Tokens[0].Value, out var bytes))
            {
                return bytes;
            }

            result.AddError($"{name} takes a size such as 256MB, 1GB or a number of bytes.");
            return 0;
        },
    };

    /// <summary>Refuses 0 and less for a duration where PostgreSQL would read 0 as no limit; <paramref name="why"/> says what that would cause.</summary>
    public static Option<TimeSpan> MoreThanZero(Option<TimeSpan> option, string why)
    {
        option.Validators.Add(result =>
        {
            // Only a value that parsed: an unparsable one already has its own error.
            if (result.Tokens.Count > 0 && DurationParser.TryParse(result.Tokens[0].Value, out var value) && value <= TimeSpan.Zero)
            {
                result.AddError($"{option.Name} must be more than 0: {why}.");
            }
        });
        return option;
    }

    private static T DurationError<T>(ArgumentResult result, string name)
    {
        result.AddError($"{name} takes a duration of at most 24h, such as 5s, 500ms, 2m or 1h30m.");
        return default!;
    }
}
