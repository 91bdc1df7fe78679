using FluentMigrator;

namespace Migrations.Runtime.Tests.Fixtures.ForwardOnly;

[Migration(202403010000)]
public sealed class CreateLedger : ForwardOnlyMigration
{
    public override void Up() => Create.Table("ledger").WithColumn("id").AsInt64().PrimaryKey();
}

/// <summary>The other way projects say "irreversible": a Down() that throws.</summary>
[Migration(202403020000)]
public sealed class AddLedgerNote : Migration
{
    public override void Up() => Alter.Table("ledger").AddColumn("note").AsString().Nullable();

    public override void Down() => throw new NotImplementedException("the note cannot be taken back");
}
