using FluentMigrator;

namespace Migrations.Runtime.Tests.Fixtures.ForwardOnly;

[Migration(202403010000)]
public sealed class CreateLedger : ForwardOnlyMigration
{
    public override void Up() => Create.Table("ledger").WithColumn("id").AsInt64().PrimaryKey();
}
