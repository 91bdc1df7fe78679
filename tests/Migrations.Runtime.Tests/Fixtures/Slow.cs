using FluentMigrator;

namespace Migrations.Runtime.Tests.Fixtures.Slow;

[Migration(202408010000, "events table")]
public sealed class CreateEvents : Migration
{
    public override void Up() => Create.Table("events").WithColumn("id").AsInt64().PrimaryKey().Identity();

    public override void Down() => Delete.Table("events");
}

/// <summary>Long enough to be cancelled in the middle, without loading the machine while it waits.</summary>
[Migration(202408020000, "slow backfill")]
public sealed class SlowBackfill : Migration
{
    public override void Up() => Execute.Sql("SELECT pg_sleep(30)");

    public override void Down()
    {
    }
}
