using System.Threading.Tasks;
using Migrations.Analyzers.Tests.Infrastructure;
using Verify = Migrations.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Migrations.Analyzers.Rules.StoredGeneratedColumnAnalyzer>;

namespace Migrations.Analyzers.Tests.Rules;

public sealed class StoredGeneratedColumnAnalyzerTests
{
    [Fact]
    public async Task StoredComputedColumnOnExistingTable_IsReported()
    {
        const string up = """Alter.Table("orders").AddColumn("total").AsDecimal(12, 2).Nullable().{|#0:Computed("price * quantity", true)|};""";

        await Verify.VerifyAnalyzerAsync(Code.Migration(up), Verify.Diagnostic("PGM012").WithLocation(0).WithMessage(
            "Adding stored generated column 'total' to existing table 'orders' rewrites the table under an ACCESS EXCLUSIVE lock. Use a trigger and a batched backfill instead."));
    }

    [Fact]
    public async Task VirtualComputedColumn_IsNotReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration("""Alter.Table("orders").AddColumn("total").AsDecimal(12, 2).Nullable().Computed("price * quantity", false);"""));
    }

    [Fact]
    public async Task StoredComputedColumnOnNewTable_IsNotReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration("""
            Create.Table("orders").WithColumn("id").AsInt64().PrimaryKey();
            Alter.Table("orders").AddColumn("total").AsDecimal(12, 2).Nullable().Computed("price * quantity", true);
            """));
    }

    [Fact]
    public async Task StoredComputedColumnInDown_IsNotReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration(up: "", down: """Alter.Table("orders").AddColumn("total").AsDecimal(12, 2).Computed("price * quantity", true);"""));
    }
}
