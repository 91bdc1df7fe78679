namespace Migrations.Runtime.BuildValidation.Severities;

/// <summary>The project's compiler warning settings (NoWarn, TreatWarningsAsErrors, WarningsAsErrors, WarningsNotAsErrors).</summary>
public sealed record WarningOptions(
    IReadOnlySet<string> NoWarn,
    bool TreatWarningsAsErrors = false,
    IReadOnlySet<string>? WarningsAsErrors = null,
    IReadOnlySet<string>? WarningsNotAsErrors = null)
{
    public static WarningOptions None { get; } = new(new HashSet<string>());

    /// <summary>A list as MSBuild writes it ("PGM001;PGM003" or "PGM001,PGM003").</summary>
    public static IReadOnlySet<string> Ids(string? list) =>
        (list ?? string.Empty).Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
}
