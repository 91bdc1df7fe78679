namespace Migrations.Analyzers.Tests.Infrastructure;

/// <summary>Wraps test bodies in a compilable migration, plus the [AllowUnsafe] attribute Migrations.Runtime ships.</summary>
internal static class Code
{
    public const string AllowUnsafeAttribute = """

        namespace Migrations
        {
            #nullable enable
            [System.AttributeUsage(System.AttributeTargets.Class | System.AttributeTargets.Method, AllowMultiple = true)]
            public sealed class AllowUnsafeAttribute : System.Attribute
            {
                public AllowUnsafeAttribute(string ruleId) { RuleId = ruleId; }
                public string RuleId { get; }
                public string? Reason { get; set; }
            }
        }
        """;

    /// <summary>A Migration with <paramref name="up"/> and <paramref name="down"/> as method bodies.</summary>
    public static string Migration(string up, string down = "", string attributes = "[Migration(202601010000)]", string usings = "using FluentMigrator.Postgres;") => $$"""
        using FluentMigrator;
        using Migrations;
        {{usings}}

        {{attributes}}
        public class TestMigration : Migration
        {
            public override void Up()
            {
                {{up}}
            }

            public override void Down()
            {
                {{down}}
            }
        }
        """ + AllowUnsafeAttribute;

    /// <summary>A migration deriving from <paramref name="baseType"/> (AutoReversingMigration, ForwardOnlyMigration) with only Up().</summary>
    public static string UpOnly(string up, string baseType, string attributes = "[Migration(202601010000)]") => $$"""
        using FluentMigrator;
        using FluentMigrator.Postgres;
        using Migrations;

        {{attributes}}
        public class TestMigration : {{baseType}}
        {
            public override void Up()
            {
                {{up}}
            }
        }
        """ + AllowUnsafeAttribute;
}

/// <summary>Earlier migrations the history model replays.</summary>
internal static class History
{
    /// <summary>jobs(id integer primary key, title varchar(100) null, stage text not null, owner_id bigint null).</summary>
    public const string CreateJobs = """

        [Migration(202501010000)]
        public class CreateJobs : Migration
        {
            public override void Up() => Create.Table("jobs")
                .WithColumn("id").AsInt32().PrimaryKey()
                .WithColumn("title").AsString(100).Nullable()
                .WithColumn("stage").AsString().NotNullable()
                .WithColumn("owner_id").AsInt64().Nullable();

            public override void Down() => Delete.Table("jobs");
        }
        """;

    /// <summary>A validated CHECK (owner_id IS NOT NULL) on jobs, added NOT VALID and validated in a later migration.</summary>
    public const string ValidatedOwnerCheck = """

        [Migration(202501020000)]
        public class AddOwnerCheck : Migration
        {
            public override void Up() => Execute.Sql("ALTER TABLE jobs ADD CONSTRAINT jobs_owner_nn CHECK (owner_id IS NOT NULL) NOT VALID");

            public override void Down() => Execute.Sql("ALTER TABLE jobs DROP CONSTRAINT jobs_owner_nn");
        }

        [Migration(202501030000)]
        public class ValidateOwnerCheck : Migration
        {
            public override void Up() => Execute.Sql("ALTER TABLE jobs VALIDATE CONSTRAINT jobs_owner_nn");

            public override void Down() { }
        }
        """;
}
