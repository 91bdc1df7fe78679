using System.Text.Json;

namespace Migrations.Runtime.Output;

/// <summary>
/// <c>--json</c>: each event as one JSON object on its own line of stderr (JSON Lines), routine progress at most once a
/// second per operation. Lines that do not start with <c>{</c> on stderr are for people (warnings).
/// </summary>
public sealed class JsonOperationProgress(TextWriter error) : IOperationProgress
{
    private static readonly JsonSerializerOptions Compact = new(JsonOutput.Options) { WriteIndented = false };

    private readonly ProgressThrottle _throttle = new(TimeSpan.FromSeconds(1), holdFirst: false);

    public void Report(OperationEvent operationEvent)
    {
        if (_throttle.Admit(operationEvent))
        {
            error.WriteLine(JsonSerializer.Serialize(new
            {
                @event = operationEvent.Event,
                database = operationEvent.Database,
                migration = operationEvent.Migration,
                target = operationEvent.Target,
                done = operationEvent.Done,
                total = operationEvent.Total,
                percent = operationEvent.Percent,
                changed = operationEvent.Changed,
                perSecond = operationEvent.PerSecond is { } rate ? Math.Round(rate) : (double?)null,
                etaSeconds = operationEvent.Eta is { } eta ? Math.Round(eta.TotalSeconds, 1) : (double?)null,
                elapsedSeconds = operationEvent.Elapsed is { } elapsed ? Math.Round(elapsed.TotalSeconds, 3) : (double?)null,
                batchSize = operationEvent.BatchSize,
                detail = operationEvent.Detail,
            }, Compact));
        }
    }
}
