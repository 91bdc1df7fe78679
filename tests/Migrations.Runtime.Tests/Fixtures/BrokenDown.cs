using FluentMigrator;

namespace Migrations.Runtime.Tests.Fixtures.BrokenDown;

[Migration(202405010000, "notes table")]
public sealed class CreateNotes : Migration
{
    public override void Up() =>
        Create.Table("notes")
            .WithColumn("id").AsInt64().PrimaryKey().Identity()
            .WithColumn("body").AsString().NotNullable();

    public override void Down() => Delete.Table("notes");
}

/// <summary>Down() forgets the column Up() added: the round trip must catch it.</summary>
[Migration(202405020000, "note author")]
public sealed class AddNoteAuthor : Migration
{
    public override void Up() => Alter.Table("notes").AddColumn("author").AsString(100).Nullable();

    public override void Down() => Execute.Sql("SELECT 1");
}
