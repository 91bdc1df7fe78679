using FluentMigrator;
using FluentMigrator.Postgres;

namespace Migrations.Runtime.Tests.Fixtures.WatchedIndex;

[Migration(202410010000, "parcels")]
public sealed class CreateParcels : Migration
{
    public override void Up()
    {
        Create.Table("parcels").WithColumn("id").AsInt64().PrimaryKey().WithColumn("code").AsString().NotNullable();
        Execute.Sql("INSERT INTO parcels SELECT i, 'P' || i FROM generate_series(1, 1000) AS i");
    }

    public override void Down() => Delete.Table("parcels");
}

[Migration(202410020000, TransactionBehavior.None, "parcel codes")]
public sealed class IndexParcelCodes : Migration
{
    public override void Up() =>
        Create.Index("ix_parcels_code").OnTable("parcels").OnColumn("code").Ascending().WithOptions().AsConcurrently();

    public override void Down() => Execute.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_parcels_code");
}
