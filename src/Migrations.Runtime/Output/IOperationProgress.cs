namespace Migrations.Runtime.Output;

/// <summary>Where the events of long operations go: a live terminal line, plain lines, or JSON lines (all on stderr).</summary>
public interface IOperationProgress
{
    void Report(OperationEvent operationEvent);
}
