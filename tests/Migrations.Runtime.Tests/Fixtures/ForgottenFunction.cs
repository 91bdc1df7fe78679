using FluentMigrator;

namespace Migrations.Runtime.Tests.Fixtures.ForgottenFunction;

/// <summary>Down() drops the table (and with it the trigger) but forgets the trigger's function: the round trip must see functions too.</summary>
[Migration(202406010000, "notes with a touch trigger")]
public sealed class CreateTouchedNotes : Migration
{
    public override void Up()
    {
        Create.Table("notes")
            .WithColumn("id").AsInt64().PrimaryKey().Identity()
            .WithColumn("body").AsString().NotNullable();
        Execute.Sql("CREATE FUNCTION notes_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.body := trim(NEW.body); RETURN NEW; END $$");
        Execute.Sql("CREATE TRIGGER notes_touch BEFORE INSERT ON notes FOR EACH ROW EXECUTE FUNCTION notes_touch()");
    }

    public override void Down() => Delete.Table("notes");
}
