using System.Threading.Tasks;
using Migrations.Analyzers.Tests.Infrastructure;
using Verify = Migrations.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Migrations.Analyzers.Rules.DropOrMoveSchemaAnalyzer>;

namespace Migrations.Analyzers.Tests.Rules;

public sealed class DropOrMoveSchemaAnalyzerTests
{
    [Fact]
    public async Task DeleteSchema_IsReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration("""{|#0:Delete.Schema("billing")|};"""), Verify.Diagnostic("PGM034").WithLocation(0).WithMessage(
            "Dropping schema 'billing' breaks running code that uses the old names and can lose data. Move objects with expand/contract steps."));
    }

    [Fact]
    public async Task MoveTableToSchema_IsReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration("""{|#0:Alter.Table("invoices").ToSchema("billing")|};"""), Verify.Diagnostic("PGM034").WithLocation(0).WithArguments("Moving table 'invoices' to schema 'billing'"));
    }

    [Fact]
    public async Task SchemaChangesInDown_AreNotReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration(up: "", down: """Delete.Schema("billing"); Alter.Table("invoices").ToSchema("public");"""));
    }
}
