using FluentMigrator;
using FluentMigrator.Postgres;

namespace Migrations.Runtime.Tests.Fixtures.Basic;

[Migration(202401010000, "widgets table")]
public sealed class CreateWidgets : Migration
{
    public override void Up() =>
        Create.Table("widgets")
            .WithColumn("id").AsInt64().PrimaryKey().Identity()
            .WithColumn("name").AsString().NotNullable();

    public override void Down() => Delete.Table("widgets");
}

[Migration(202401020000, "widget colour")]
public sealed class AddWidgetColour : Migration
{
    public override void Up() => Alter.Table("widgets").AddColumn("colour").AsString().Nullable();

    public override void Down() => Delete.Column("colour").FromTable("widgets");
}

[Migration(202401030000, TransactionBehavior.None, "index widget names")]
public sealed class IndexWidgetNames : Migration
{
    public override void Up() =>
        Create.Index("ix_widgets_name").OnTable("widgets").OnColumn("name").Ascending().WithOptions().AsConcurrently();

    public override void Down() => Execute.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_widgets_name");
}
