using Migrations.Runtime.Output;

namespace Migrations.Runtime.Postgres;

/// <summary>Keeps warnings, drops routine progress: building a scratch schema is not news to the user.</summary>
internal sealed class QuietProgress(IProgressReporter inner) : IProgressReporter
{
    public void Info(string message)
    {
    }

    public void Warn(string message) => inner.Warn(message);
}
