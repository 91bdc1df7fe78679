namespace Migrations.Safety.Sql;

/// <summary>One comma-separated action of an ALTER TABLE statement.</summary>
public enum AlterTableActionKind
{
    Other,
    AddColumn,
    DropColumn,
    AlterColumnType,
    SetNotNull,
    DropNotNull,
    SetDefault,
    DropDefault,
    AddIdentity,
    AddConstraint,
    ValidateConstraint,
    DropConstraint,
    RenameColumn,
    RenameTable,
    RenameConstraint,
    SetSchema,
    SetTablespace,
    SetLogged,
    SetUnlogged,
    SetAccessMethod,
    EnableTrigger,
    DisableTrigger,
    AttachPartition,
    DetachPartition,
}

public enum SqlConstraintType
{
    None,
    Check,
    ForeignKey,
    Unique,
    PrimaryKey,
    Exclude,
}
