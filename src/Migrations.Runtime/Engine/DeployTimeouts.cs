namespace Migrations.Runtime.Engine;

/// <summary>Server-side timeouts for migration statements. Online statements (see <see cref="StatementTraits"/>) run without them.</summary>
public sealed record DeployTimeouts(TimeSpan LockTimeout, TimeSpan? StatementTimeout)
{
    public static DeployTimeouts Default { get; } = new(TimeSpan.FromSeconds(5), null);

    internal string LockTimeoutSetting(StatementTraits traits) => traits.IsOnline ? "0" : Milliseconds(LockTimeout);

    internal string StatementTimeoutSetting(StatementTraits traits) =>
        traits.IsOnline || StatementTimeout is null ? "0" : Milliseconds(StatementTimeout.Value);

    private static string Milliseconds(TimeSpan value) => $"{(long)value.TotalMilliseconds}ms";
}
