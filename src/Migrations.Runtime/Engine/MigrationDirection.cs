namespace Migrations.Runtime.Engine;

public enum MigrationDirection
{
    Up,
    Down,
}
