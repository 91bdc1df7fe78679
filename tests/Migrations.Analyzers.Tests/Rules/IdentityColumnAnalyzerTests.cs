using System.Threading.Tasks;
using Migrations.Analyzers.Tests.Infrastructure;
using Verify = Migrations.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Migrations.Analyzers.Rules.IdentityColumnAnalyzer>;

namespace Migrations.Analyzers.Tests.Rules;

public sealed class IdentityColumnAnalyzerTests
{
    [Fact]
    public async Task IdentityColumnOnExistingTable_IsReported()
    {
        const string up = """Alter.Table("events").AddColumn("seq").AsInt64().{|#0:Identity()|};""";

        await Verify.VerifyAnalyzerAsync(Code.Migration(up), Verify.Diagnostic("PGM013").WithLocation(0).WithMessage(
            "Adding identity column 'seq' to existing table 'events' rewrites the table under an ACCESS EXCLUSIVE lock. Create a sequence, backfill in batches, then set the default."));
    }

    [Fact]
    public async Task SerialColumnOnExistingTable_IsReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration("""Alter.Table("events").AddColumn("seq").{|#0:AsCustom("bigserial")|};"""), Verify.Diagnostic("PGM013").WithLocation(0).WithArguments("seq", "events"));
    }

    [Fact]
    public async Task IdentityOnNewTable_IsNotReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration("""Create.Table("events").WithColumn("id").AsInt64().PrimaryKey().Identity();"""));
    }

    [Fact]
    public async Task IdentityInDown_IsNotReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration(up: "", down: """Alter.Table("events").AddColumn("seq").AsInt64().Identity();"""));
    }
}
