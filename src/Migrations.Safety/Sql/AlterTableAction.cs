namespace Migrations.Safety.Sql;

/// <summary>
/// One action of an ALTER TABLE (or the single column of ADD COLUMN), with what the rules need to judge it.
/// Names are unquoted; <see cref="NewType"/> is the type as written, see <see cref="PostgresTypes.Normalize"/>.
/// </summary>
public sealed class AlterTableAction
{
    public AlterTableActionKind Kind { get; internal set; }

    /// <summary>The action's own text inside the statement.</summary>
    public string Text { get; internal set; } = string.Empty;

    public int Offset { get; internal set; }

    public int Length { get; internal set; }

    public string? Column { get; internal set; }

    public bool IfExists { get; internal set; }

    /// <summary>ADD COLUMN / ALTER COLUMN … TYPE: the type as written (<c>bigint</c>, <c>varchar(100)</c>).</summary>
    public string? NewType { get; internal set; }

    /// <summary>ALTER COLUMN … TYPE … USING: the conversion always rewrites the table.</summary>
    public bool HasUsingExpression { get; internal set; }

    /// <summary>ADD COLUMN … DEFAULT / ALTER COLUMN … SET DEFAULT: the expression as written.</summary>
    public string? DefaultExpression { get; internal set; }

    /// <summary>ADD COLUMN … NOT NULL (or PRIMARY KEY).</summary>
    public bool NotNull { get; internal set; }

    /// <summary>GENERATED … AS IDENTITY, or a serial type.</summary>
    public bool Identity { get; internal set; }

    /// <summary>GENERATED ALWAYS AS (…) STORED.</summary>
    public bool StoredGenerated { get; internal set; }

    /// <summary>ADD CONSTRAINT, or an inline constraint of ADD COLUMN (REFERENCES, UNIQUE, PRIMARY KEY, CHECK).</summary>
    public SqlConstraintType ConstraintType { get; internal set; }

    public string? ConstraintName { get; internal set; }

    public bool NotValid { get; internal set; }

    /// <summary>ADD CONSTRAINT … UNIQUE/PRIMARY KEY USING INDEX: no index build.</summary>
    public bool UsingIndex { get; internal set; }

    /// <summary>The column list of PRIMARY KEY (…), UNIQUE (…) or FOREIGN KEY (…); empty when none was read.</summary>
    public System.Collections.Generic.IReadOnlyList<string> ConstraintColumns { get; internal set; } = new string[0];

    /// <summary>For CHECK (col IS NOT NULL): the column the check proves non-null.</summary>
    public string? NotNullCheckColumn { get; internal set; }

    /// <summary>RENAME … TO, SET SCHEMA, SET TABLESPACE, SET ACCESS METHOD: the new name.</summary>
    public string? NewName { get; internal set; }

    /// <summary>DETACH PARTITION … CONCURRENTLY.</summary>
    public bool Concurrently { get; internal set; }

    public override string ToString() => Kind + " " + Text;
}
