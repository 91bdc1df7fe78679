using FluentMigrator;

namespace Migrations.Runtime.Tests.Fixtures.Guarded;

/// <summary>A table whose grants, row-level security, policy and comment are part of the migration.</summary>
[Migration(202402010000, "documents, readable by their owners")]
public sealed class CreateDocuments : Migration
{
    public override void Up()
    {
        Create.Table("documents")
            .WithColumn("id").AsInt64().PrimaryKey().Identity()
            .WithColumn("owner").AsString().NotNullable()
            .WithColumn("body").AsString().Nullable();
        Execute.Sql("COMMENT ON TABLE documents IS 'one row per document'");
        Execute.Sql("GRANT SELECT ON documents TO migrations_test_reader");
        Execute.Sql("ALTER TABLE documents ENABLE ROW LEVEL SECURITY");
        Execute.Sql("CREATE POLICY documents_own ON documents FOR SELECT TO migrations_test_reader USING (owner = current_user)");
    }

    public override void Down() => Delete.Table("documents");
}
