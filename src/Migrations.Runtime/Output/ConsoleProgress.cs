namespace Migrations.Runtime.Output;

/// <param name="operations">Long operations' events; plain lines on <paramref name="errors"/> unless given.</param>
public sealed class ConsoleProgress(TextWriter writer, TextWriter errors, IOperationProgress? operations = null) : IProgressReporter
{
    private readonly IOperationProgress _operations = operations ?? new PlainOperationProgress(errors);

    public void Info(string message) => writer.WriteLine(message);

    public void Warn(string message) => errors.WriteLine("warning: " + message);

    public void Report(OperationEvent operationEvent) => _operations.Report(operationEvent);
}
