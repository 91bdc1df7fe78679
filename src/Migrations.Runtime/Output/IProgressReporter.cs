namespace Migrations.Runtime.Output;

/// <summary>Progress for people: stderr when stdout carries JSON, stdout otherwise.</summary>
public interface IProgressReporter
{
    void Info(string message);

    void Warn(string message);

    /// <summary>Events of long operations (backfills, index builds); dropped unless the reporter shows them.</summary>
    void Report(OperationEvent operationEvent)
    {
    }
}
