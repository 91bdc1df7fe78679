namespace Migrations.Runtime.SqlFiles;

/// <summary>The migration is forward-only: rollback is refused and the build does not report a missing Down().</summary>
public sealed class MigrationHasNoDownException(string message) : InvalidOperationException(message);
