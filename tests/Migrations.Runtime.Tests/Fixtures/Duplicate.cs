using FluentMigrator;

namespace Migrations.Runtime.Tests.Fixtures.Duplicate;

[Migration(202404010000)]
public sealed class First : Migration
{
    public override void Up() => Execute.Sql("SELECT 1");

    public override void Down() => Execute.Sql("SELECT 1");
}

[Migration(202404010000)]
public sealed class Second : Migration
{
    public override void Up() => Execute.Sql("SELECT 2");

    public override void Down() => Execute.Sql("SELECT 2");
}
