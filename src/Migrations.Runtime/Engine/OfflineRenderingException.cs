namespace Migrations.Runtime.Engine;

/// <summary>A migration asked the live database something while being rendered offline (PGM107).</summary>
public sealed class OfflineRenderingException(string what)
    : Exception($"{what} queries the live database, so this migration cannot be rendered offline")
{
    public string What { get; } = what;
}
