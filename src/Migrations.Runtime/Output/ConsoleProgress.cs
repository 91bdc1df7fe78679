namespace Migrations.Runtime.Output;

public sealed class ConsoleProgress(TextWriter writer, TextWriter errors) : IProgressReporter
{
    public void Info(string message) => writer.WriteLine(message);

    public void Warn(string message) => errors.WriteLine("warning: " + message);
}
