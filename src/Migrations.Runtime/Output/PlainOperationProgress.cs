namespace Migrations.Runtime.Output;

/// <summary>
/// For CI logs and redirected output: every change of state at once, routine progress at most every 10s per
/// operation, so a long backfill leaves a readable trail instead of thousands of lines.
/// </summary>
public sealed class PlainOperationProgress(TextWriter error) : IOperationProgress
{
    private readonly ProgressThrottle _throttle = new(TimeSpan.FromSeconds(10), holdFirst: true);

    public void Report(OperationEvent operationEvent)
    {
        if (_throttle.Admit(operationEvent))
        {
            error.WriteLine(operationEvent.Line());
        }
    }
}
