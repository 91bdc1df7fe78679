namespace Migrations.Runtime.Engine;

/// <summary>How often a transactional migration is retried after a lock timeout, with jittered exponential backoff.</summary>
public sealed record RetryPolicy(int Attempts, TimeSpan BaseDelay)
{
    public static RetryPolicy Default { get; } = new(5, TimeSpan.FromSeconds(1));

    public TimeSpan DelayBefore(int nextAttempt)
    {
        var exponential = BaseDelay.TotalMilliseconds * Math.Pow(2, nextAttempt - 2);
        // Full jitter: pods that timed out together must not retry together.
        return TimeSpan.FromMilliseconds(Math.Min(30_000, exponential) * (0.5 + Random.Shared.NextDouble() / 2));
    }
}
