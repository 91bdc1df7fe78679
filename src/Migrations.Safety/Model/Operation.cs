using System.Collections.Generic;
using Migrations.Safety.Sql;

namespace Migrations.Safety.Model;

/// <summary>
/// One thing a migration does, as far as the rules care: what kind, on which table, column, index or constraint,
/// with which options, in which transaction. The same operation reads the same from FluentMigrator C# and from SQL.
/// </summary>
public sealed class Operation
{
    public Operation(OperationKind kind)
    {
        Kind = kind;
    }

    public OperationKind Kind { get; }

    /// <summary>The table (or materialized view) it works on; <see cref="SqlName.Computed"/> when the reader could not read it.</summary>
    public SqlName? Table { get; set; }

    /// <summary>DROP TABLE, TRUNCATE and LOCK take lists: every table, <see cref="Table"/> first.</summary>
    public IReadOnlyList<SqlName> Tables { get; set; } = new SqlName[0];

    /// <summary>The column of ADD/DROP/RENAME/ALTER COLUMN.</summary>
    public string? Column { get; set; }

    /// <summary>ADD COLUMN: the new column; CREATE TABLE: see <see cref="Columns"/>.</summary>
    public ColumnDefinition? Definition { get; set; }

    /// <summary>CREATE TABLE: its columns, when the reader could read them.</summary>
    public IReadOnlyList<ColumnDefinition> Columns { get; set; } = new ColumnDefinition[0];

    /// <summary>CREATE TABLE: the columns are known (not CREATE TABLE … AS, LIKE or PARTITION OF).</summary>
    public bool ColumnsKnown { get; set; }

    /// <summary>ALTER COLUMN TYPE: the new type, normalised; null when unknown.</summary>
    public string? NewType { get; set; }

    /// <summary>ALTER COLUMN TYPE … USING: the conversion always rewrites.</summary>
    public bool UsingExpression { get; set; }

    /// <summary>RENAME … TO, SET SCHEMA: the new name (table, column or schema).</summary>
    public string? NewName { get; set; }

    public ConstraintKind Constraint { get; set; }

    /// <summary>The constraint name (ADD/VALIDATE/DROP CONSTRAINT), or the index name (CREATE/DROP INDEX).</summary>
    public string? ObjectName { get; set; }

    /// <summary>The name was given by the migration; false for a name PostgreSQL or FluentMigrator's conventions pick.</summary>
    public bool ObjectNamedExplicitly { get; set; } = true;

    /// <summary>The columns of a PRIMARY KEY, UNIQUE or index, when read.</summary>
    public IReadOnlyList<string> ObjectColumns { get; set; } = new string[0];

    /// <summary>CHECK (col IS NOT NULL): the column it proves non-null.</summary>
    public string? NotNullCheckColumn { get; set; }

    public bool NotValid { get; set; }

    /// <summary>ADD CONSTRAINT … UNIQUE/PRIMARY KEY USING INDEX: no index is built.</summary>
    public bool UsingIndex { get; set; }

    public bool Concurrently { get; set; }

    public bool Unique { get; set; }

    public bool IfExists { get; set; }

    /// <summary>UPDATE/DELETE with a WHERE that is not a tautology (FluentMigrator's AllRows() renders WHERE 1 = 1).</summary>
    public bool HasWhere { get; set; }

    /// <summary>VACUUM FULL.</summary>
    public bool Full { get; set; }

    /// <summary>ALTER TYPE … ADD/RENAME VALUE: the value; the enum is <see cref="ObjectName"/>.</summary>
    public string? EnumValue { get; set; }

    /// <summary>A short description for messages: "CREATE TRIGGER", "SET TABLESPACE fast", "COMMIT".</summary>
    public string? Description { get; set; }

    /// <summary>The statement as SQL (rendered or raw), or the reader's rendering of the fluent call.</summary>
    public string Text { get; set; } = string.Empty;

    /// <summary>Where <see cref="Text"/> starts inside the SQL text the SQL reader was given (0 for the C# reader).</summary>
    public int TextOffset { get; set; }

    public TransactionContext Transaction { get; set; }

    /// <summary>Operations with the same number run in one transaction.</summary>
    public int TransactionId { get; set; }

    /// <summary>Operations with the same number are one statement (ALTER TABLE t ALTER c TYPE …, ALTER c SET NOT NULL).</summary>
    public int StatementId { get; set; }

    /// <summary>The reader's object for the whole operation (a Roslyn location, an offset …).</summary>
    public object? Source { get; set; }

    public PartSources Sources { get; } = new PartSources();

    /// <summary>Where to point for <paramref name="part"/>: the part when the reader knows it, else the whole operation.</summary>
    public object? SourceOf(OperationPart part) => Sources[part] ?? Definition?.Sources[part] ?? Source;

    public override string ToString() => Kind + " " + Table + (Column == null ? string.Empty : "." + Column);
}
