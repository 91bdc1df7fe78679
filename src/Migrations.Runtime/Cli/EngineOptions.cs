using System.CommandLine;
using Migrations.Runtime.Engine;

namespace Migrations.Runtime.Cli;

/// <summary>
/// The options of the verbs that run migration SQL under the deploy lock (deploy, rollback): how long to wait, how long
/// a statement may queue or run, how often to retry, which shared schemas a tenant's migrations may touch.
/// </summary>
internal sealed class EngineOptions
{
    private readonly Option<TimeSpan> _lockWait = CommonOptions.LockWait();
    private readonly Option<TimeSpan> _lockTimeout = CommonOptions.LockTimeout();
    private readonly Option<TimeSpan?> _statementTimeout = CommonOptions.StatementTimeout();
    private readonly Option<int> _retries = CommonOptions.Retries();
    private readonly Option<string[]> _allowSchema = CommonOptions.AllowSchema();

    private EngineOptions()
    {
    }

    public static EngineOptions AddTo(Command command)
    {
        var options = new EngineOptions();
        foreach (var option in new Option[] { options._lockWait, options._lockTimeout, options._statementTimeout, options._retries, options._allowSchema })
        {
            command.Options.Add(option);
        }

        return options;
    }

    public TimeSpan LockWait(ParseResult result) => result.GetValue(_lockWait);

    public DeployTimeouts Timeouts(ParseResult result) => new(result.GetValue(_lockTimeout), result.GetValue(_statementTimeout));

    public RetryPolicy Retries(ParseResult result) => new(result.GetValue(_retries), RetryPolicy.Default.BaseDelay);

    public IReadOnlyList<string> AllowedSchemas(ParseResult result) => result.GetValue(_allowSchema) ?? [];
}
