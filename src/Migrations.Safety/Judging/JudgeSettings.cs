namespace Migrations.Safety.Judging;

/// <summary>What the project tells the rules (MSBuild properties, the same for the analyzers and the build).</summary>
public sealed class JudgeSettings
{
    /// <summary>MigrationsPostgresVersion when a project does not set it (Sdk.props says the same).</summary>
    public const int DefaultPostgresVersion = 15;

    public static readonly JudgeSettings Default = new JudgeSettings();

    /// <summary>Major version of the target PostgreSQL (MigrationsPostgresVersion).</summary>
    public int PostgresVersion { get; set; } = DefaultPostgresVersion;

    /// <summary>
    /// MigrationsShippedThrough: every migration at or below this version has reached production. A table created by a
    /// later migration is still empty when the later migrations of the same change run, so what they do to it is
    /// safe. Null: only tables created in the same migration count as new.
    /// </summary>
    public long? ShippedThrough { get; set; }

    /// <summary>MigrationsSafetyStartAfter: migrations at or below it shipped before the project adopted the SDK.</summary>
    public long SafetyStartAfter { get; set; }

    /// <summary>
    /// The migration has shipped (at or below MigrationsShippedThrough or MigrationsSafetyStartAfter): it already ran in
    /// production and the lock file guards it, so only the rules that concern loading or rolling it back still judge
    /// it (<see cref="Rules.Rule.JudgesShipped"/>). Its SQL still builds the history.
    /// </summary>
    public bool IsShipped(long version) => version <= SafetyStartAfter || (ShippedThrough is long shipped && version <= shipped);

    /// <summary>
    /// Which rules are decided at all. By default the catalog's (opt-in rules off); the analyzers decide every rule and
    /// leave enabling to the compiler's own configuration (.editorconfig), which then applies to their diagnostics.
    /// </summary>
    public System.Func<string, bool> IsEnabled { get; set; } = ruleId => Rules.RuleCatalog.Get(ruleId).EnabledByDefault;
}
