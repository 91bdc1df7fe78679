using FluentMigrator;
using FluentMigrator.Postgres;

namespace VideoDubbing.Migrations.Migrations;

/// <summary>
/// Glossary lookups by project and term. The table is live by now, so the index is built CONCURRENTLY: writes go on
/// during the build. CONCURRENTLY cannot run in a transaction, hence TransactionBehavior.None and a migration of its own.
/// </summary>
[Migration(20241103000100, TransactionBehavior.None, "index glossary terms concurrently")]
public sealed class IndexGlossaryTerms : Migration
{
    public override void Up()
    {
        Create.Index("ix_glossary_project_id_source_term").OnTable("glossary")
            .OnColumn("project_id").Ascending()
            .OnColumn("source_term").Ascending()
            .WithOptions().AsConcurrently();
    }

    public override void Down()
    {
        // FluentMigrator's Delete.Index() is a plain DROP INDEX (ACCESS EXCLUSIVE): drop it concurrently instead.
        Execute.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_glossary_project_id_source_term");
    }
}
