using Migrations.Safety.Model;

namespace Migrations.Safety.Judging;

/// <summary>A table as the migrations before a point left it.</summary>
public sealed class TableState
{
    public TableState(long createdIn, bool columnsKnown)
    {
        CreatedIn = createdIn;
        ColumnsKnown = columnsKnown;
    }

    /// <summary>The version of the migration that created it (a rename keeps it: the renamed table is as old).</summary>
    public long CreatedIn { get; }

    /// <summary>Every column of the table is known (created with a column list, by fluent calls or plain CREATE TABLE).</summary>
    public bool ColumnsKnown { get; }
}

/// <summary>A column as the migrations before a point left it.</summary>
public sealed class ColumnState
{
    public ColumnState(string? type, bool notNull, bool validatedNotNullCheck, int checks, long? addedIn = null)
    {
        Type = type;
        NotNull = notNull;
        ValidatedNotNullCheck = validatedNotNullCheck;
        Checks = checks;
        AddedIn = addedIn;
    }

    /// <summary>The migration that added the column (with its table, or by ADD COLUMN); null when not known.</summary>
    public long? AddedIn { get; }

    /// <summary>Normalised PostgreSQL type; null when the migrations never said (raw SQL the reader could not parse).</summary>
    public string? Type { get; }

    public bool NotNull { get; }

    /// <summary>A validated CHECK (col IS NOT NULL) exists: SET NOT NULL needs no scan on PostgreSQL 12+.</summary>
    public bool ValidatedNotNullCheck { get; }

    /// <summary>CHECK constraints on the column: ALTER COLUMN … TYPE re-checks every one of them with a full scan.</summary>
    public int Checks { get; }

    public ColumnState With(string? type = null, bool? notNull = null, bool? validatedNotNullCheck = null, int? checks = null) =>
        new ColumnState(type ?? Type, notNull ?? NotNull, validatedNotNullCheck ?? ValidatedNotNullCheck, checks ?? Checks, AddedIn);
}

/// <summary>A named constraint as the migrations before a point left it.</summary>
public sealed class ConstraintState
{
    public ConstraintState(ConstraintKind kind, string? notNullCheckColumn, bool validated, long addedIn, int addedInTransaction)
    {
        Kind = kind;
        NotNullCheckColumn = notNullCheckColumn;
        Validated = validated;
        AddedIn = addedIn;
        AddedInTransaction = addedInTransaction;
    }

    public ConstraintKind Kind { get; }

    public string? NotNullCheckColumn { get; }

    public bool Validated { get; }

    public long AddedIn { get; }

    /// <summary>The <see cref="Operation.TransactionId"/> of the ADD (within migration <see cref="AddedIn"/>).</summary>
    public int AddedInTransaction { get; }
}

/// <summary>An index as the migrations before a point left it.</summary>
public sealed class IndexState
{
    public IndexState(string tableKey, long createdIn)
    {
        TableKey = tableKey;
        CreatedIn = createdIn;
    }

    public string TableKey { get; }

    public long CreatedIn { get; }
}
