using System.Threading.Tasks;
using Migrations.Analyzers.Tests.Infrastructure;
using Verify = Migrations.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Migrations.Analyzers.Rules.DropTableAnalyzer>;
using VerifyEnum = Migrations.Analyzers.Tests.Infrastructure.OperationRulesVerifier;

namespace Migrations.Analyzers.Tests.Rules;

public sealed class SettingsTests
{
    [Fact]
    public async Task MigrationAtOrBelowStartAfter_IsNotAnalysed()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration("""Delete.Table("jobs");"""), "build_property.MigrationsSafetyStartAfter = 202601010000");
    }

    [Fact]
    public async Task MigrationAfterStartAfter_IsAnalysed()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration("""{|#0:Delete.Table("jobs")|};"""), "build_property.MigrationsSafetyStartAfter = 202512310000", Verify.Diagnostic("PGM033").WithLocation(0).WithArguments("jobs"));
    }

    [Fact]
    public async Task EnumValueAddedInTransactionBeforePostgres12_IsReported()
    {
        await VerifyEnum.VerifyAnalyzerAsync(
            Code.Migration("""Execute.Sql({|#0:"ALTER TYPE job_stage ADD VALUE 'archived'"|});"""),
            "build_property.MigrationsPostgresVersion = 11",
            VerifyEnum.Diagnostic("PGM036").WithLocation(0).WithArguments("ALTER TYPE job_stage ADD VALUE cannot run inside a transaction block before PostgreSQL 12"));
    }

    [Fact]
    public async Task EnumValueAddedOnPostgres15_IsNotReported()
    {
        await VerifyEnum.VerifyAnalyzerAsync(Code.Migration("""Execute.Sql("ALTER TYPE job_stage ADD VALUE 'archived'");"""));
    }
}
