using System.Threading.Tasks;
using Migrations.Analyzers.Tests.Infrastructure;
using Verify = Migrations.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Migrations.Analyzers.Rules.VolatileDefaultAnalyzer>;

namespace Migrations.Analyzers.Tests.Rules;

public sealed class VolatileDefaultAnalyzerTests
{
    [Fact]
    public async Task NewGuidDefaultOnExistingTable_IsReported()
    {
        const string up = """Alter.Table("jobs").AddColumn("public_id").AsGuid().NotNullable().{|#0:WithDefault(SystemMethods.NewGuid)|};""";

        await Verify.VerifyAnalyzerAsync(Code.Migration(up), Verify.Diagnostic("PGM010").WithLocation(0).WithMessage(
            "Adding column 'public_id' to existing table 'jobs' with default uuid_generate_v4() rewrites the whole table under an ACCESS EXCLUSIVE lock. Add the column without a default, SET DEFAULT, then backfill in batches."));
    }

    [Fact]
    public async Task AnyDefaultBeforePostgres11_IsReported()
    {
        const string up = """Create.Column("priority").OnTable("jobs").AsInt32().NotNullable().{|#0:WithDefaultValue(0)|};""";

        await Verify.VerifyAnalyzerAsync(Code.Migration(up), "build_property.MigrationsPostgresVersion = 10", Verify.Diagnostic("PGM010").WithLocation(0).WithArguments("priority", "jobs", "0"));
    }

    [Fact]
    public async Task StableDefaultOnPostgres15_IsNotReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration("""
            Alter.Table("jobs").AddColumn("created_at").AsDateTimeOffset().NotNullable().WithDefault(SystemMethods.CurrentDateTime);
            Alter.Table("jobs").AddColumn("priority").AsInt32().NotNullable().WithDefaultValue(0);
            """));
    }

    [Fact]
    public async Task VolatileDefaultOnTableCreatedInSameMigration_IsNotReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration("""
            Create.Table("tasks").WithColumn("id").AsGuid().PrimaryKey().WithDefault(SystemMethods.NewGuid);
            Alter.Table("tasks").AddColumn("public_id").AsGuid().WithDefault(SystemMethods.NewGuid);
            """));
    }

    [Fact]
    public async Task VolatileDefaultInDown_IsNotReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration(up: "", down: """Alter.Table("jobs").AddColumn("public_id").AsGuid().WithDefault(SystemMethods.NewGuid);"""));
    }
}
