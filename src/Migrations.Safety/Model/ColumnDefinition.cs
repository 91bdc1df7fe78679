namespace Migrations.Safety.Model;

/// <summary>A column as a CREATE TABLE or ADD COLUMN defines it.</summary>
public sealed class ColumnDefinition
{
    public ColumnDefinition(string name)
    {
        Name = name;
    }

    /// <summary>The column name, or <see cref="Sql.SqlName.ComputedText"/> when the reader could not work it out.</summary>
    public string Name { get; }

    public bool IsComputedName => Name == Sql.SqlName.ComputedText;

    /// <summary>The PostgreSQL type, normalised (<see cref="Sql.PostgresTypes.Normalize"/>); null when unknown.</summary>
    public string? Type { get; set; }

    public bool NotNull { get; set; }

    /// <summary>The DEFAULT expression as SQL; null for none (or NULL).</summary>
    public string? Default { get; set; }

    /// <summary>How a message shows the default: the C# reader adds where it came from ("uuid_generate_v4() (SystemMethods.NewGuid)").</summary>
    public string? DefaultDisplay { get; set; }

    /// <summary>GENERATED … AS IDENTITY or a serial type.</summary>
    public bool Identity { get; set; }

    /// <summary>GENERATED ALWAYS AS (…) STORED.</summary>
    public bool StoredGenerated { get; set; }

    public bool PrimaryKey { get; set; }

    /// <summary>An inline constraint of the column (REFERENCES, UNIQUE, CHECK) other than PRIMARY KEY.</summary>
    public ConstraintKind InlineConstraint { get; set; }

    public string? InlineConstraintName { get; set; }

    /// <summary>Where the reader found the parts of the definition (see <see cref="Operation.SourceOf"/>).</summary>
    public PartSources Sources { get; } = new PartSources();

    public override string ToString() => Name + " " + (Type ?? "?") + (NotNull ? " NOT NULL" : string.Empty);
}
