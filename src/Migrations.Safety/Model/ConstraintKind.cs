namespace Migrations.Safety.Model;

public enum ConstraintKind
{
    None,
    Check,
    ForeignKey,
    Unique,
    PrimaryKey,
    Exclude,
}
