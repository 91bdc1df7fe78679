namespace Migrations.Runtime.BuildValidation;

/// <summary>What the MigrationsValidate MSBuild target passes to the bundle's hidden build-validate verb.</summary>
public sealed record BuildValidateOptions(
    string LockFilePath,
    bool Locked,
    string? SqlDirectory,
    string? ScriptPath,
    string? AnalyzerLogPath,
    int PostgresVersion,
    bool TransactionPerSession,
    Severities.WarningOptions Warnings,
    long SafetyStartAfter = 0,
    long? ShippedThrough = null,
    IReadOnlyList<string>? AnalyzerConfigFiles = null,
    string? SarifPath = null);
