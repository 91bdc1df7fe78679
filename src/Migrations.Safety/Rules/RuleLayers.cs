using System;

namespace Migrations.Safety.Rules;

/// <summary>Where a rule is reported: by the analyzers while typing, by the build (MigrationsValidate), or both.</summary>
[Flags]
public enum RuleLayers
{
    None = 0,

    /// <summary>The Roslyn analyzers (IDE and compiler).</summary>
    Analyzers = 1,

    /// <summary>The build validation: rendered SQL, structure at run time, the lock file.</summary>
    Build = 2,

    Both = Analyzers | Build,
}
