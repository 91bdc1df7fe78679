using FluentMigrator;

// The same project at three moments of a branch: as first deployed to a developer's database, after an edit of its first
// migration (a column more), and after its second migration was deleted.
namespace Migrations.Runtime.Tests.Fixtures.DevLoop.Before
{
    [Migration(202501010000, "notes table")]
    public sealed class CreateNotes : Migration
    {
        public override void Up() => Create.Table("notes").WithColumn("id").AsInt64().PrimaryKey().Identity().WithColumn("body").AsString().NotNullable();

        public override void Down() => Delete.Table("notes");
    }

    [Migration(202501020000, "note titles")]
    public sealed class AddNoteTitles : Migration
    {
        public override void Up() => Alter.Table("notes").AddColumn("title").AsString().Nullable();

        public override void Down() => Delete.Column("title").FromTable("notes");
    }
}

namespace Migrations.Runtime.Tests.Fixtures.DevLoop.Edited
{
    [Migration(202501010000, "notes table")]
    public sealed class CreateNotes : Migration
    {
        public override void Up() => Create.Table("notes").WithColumn("id").AsInt64().PrimaryKey().Identity().WithColumn("body").AsString().NotNullable()
            .WithColumn("pinned").AsBoolean().NotNullable().WithDefaultValue(false);

        public override void Down() => Delete.Table("notes");
    }

    [Migration(202501020000, "note titles")]
    public sealed class AddNoteTitles : Migration
    {
        public override void Up() => Alter.Table("notes").AddColumn("title").AsString().Nullable();

        public override void Down() => Delete.Column("title").FromTable("notes");
    }
}

namespace Migrations.Runtime.Tests.Fixtures.DevLoop.Deleted
{
    [Migration(202501010000, "notes table")]
    public sealed class CreateNotes : Migration
    {
        public override void Up() => Create.Table("notes").WithColumn("id").AsInt64().PrimaryKey().Identity().WithColumn("body").AsString().NotNullable();

        public override void Down() => Delete.Table("notes");
    }
}

namespace Migrations.Runtime.Tests.Fixtures.DevLoop.FailingDown
{
    [Migration(202501010000, "notes table")]
    public sealed class CreateNotes : Migration
    {
        public override void Up() => Create.Table("notes").WithColumn("id").AsInt64().PrimaryKey().Identity().WithColumn("body").AsString().NotNullable();

        public override void Down() => Delete.Table("notes");
    }

    /// <summary>A Down() that no longer fits what its Up() built, as after an edit of both that went wrong.</summary>
    [Migration(202501020000, "note titles")]
    public sealed class AddNoteTitles : Migration
    {
        public override void Up() => Alter.Table("notes").AddColumn("title").AsString().Nullable();

        public override void Down() => Delete.Column("heading").FromTable("notes");
    }
}

// A teammate's migration merged into a branch whose newer one is already applied: Merged.Mine is the branch before the merge.
namespace Migrations.Runtime.Tests.Fixtures.DevLoop.Merged
{
    [Migration(202501020000, "note titles")]
    public sealed class AddNoteTitles : Migration
    {
        public override void Up() => Alter.Table("notes").AddColumn("title").AsString().Nullable();

        public override void Down() => Delete.Column("title").FromTable("notes");
    }
}

namespace Migrations.Runtime.Tests.Fixtures.DevLoop.Merged.Mine
{
    [Migration(202501010000, "notes table")]
    public sealed class CreateNotes : Migration
    {
        public override void Up() => Create.Table("notes").WithColumn("id").AsInt64().PrimaryKey().Identity().WithColumn("body").AsString().NotNullable();

        public override void Down() => Delete.Table("notes");
    }

    [Migration(202501030000, "note pins")]
    public sealed class AddNotePins : Migration
    {
        public override void Up() => Alter.Table("notes").AddColumn("pinned").AsBoolean().Nullable();

        public override void Down() => Delete.Column("pinned").FromTable("notes");
    }
}
