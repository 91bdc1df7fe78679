namespace Migrations.Runtime.Schema;

public enum SchemaDifferenceKind
{
    /// <summary>Expected but not there.</summary>
    Missing,

    /// <summary>There but not expected.</summary>
    Extra,

    /// <summary>In both, defined differently.</summary>
    Changed,
}
