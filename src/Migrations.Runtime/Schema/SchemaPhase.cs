namespace Migrations.Runtime.Schema;

/// <summary>The order objects are created in (and, reversed, dropped in) when nothing finer is known.</summary>
public enum SchemaPhase
{
    Schema,
    Extension,
    Collation,
    Type,
    Sequence,
    Routine,
    Table,
    Column,
    View,
    Constraint,
    Index,
    ForeignKey,
    SequenceOwnership,
    Trigger,
    RowSecurity,
    Policy,
    Options,
    Comment,
    Grant,
    Owner,
    DefaultPrivileges,
}
