namespace Migrations.Runtime.Testing;

public enum RoundTripOutcome
{
    /// <summary>Down() restored the schema from before Up(), and Up() again gave the same schema as the first time.</summary>
    Passed,

    /// <summary>A schema difference after Down() or after Up() again, or Down() threw.</summary>
    Failed,

    /// <summary>Forward-only migration (no Down()), or Up() failed first.</summary>
    Skipped,
}
