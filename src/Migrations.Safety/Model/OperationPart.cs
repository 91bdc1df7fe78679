namespace Migrations.Safety.Model;

/// <summary>
/// A part of an operation a finding can point at more precisely than the whole: the C# reader knows where the
/// .AsString(500) or .NotNullable() call of a column is, and an IDE squiggle belongs there.
/// </summary>
public enum OperationPart
{
    Whole,
    Type,
    NotNull,
    Default,
    Identity,
    Index,
    Concurrently,
    ForeignKey,
    PrimaryKey,
    Name,
}
