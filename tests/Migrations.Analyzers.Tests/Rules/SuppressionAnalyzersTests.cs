using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Migrations.Analyzers.Tests.Infrastructure;
using Verify = Migrations.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Migrations.Analyzers.Rules.AllowUnsafeWithoutReasonAnalyzer>;

namespace Migrations.Analyzers.Tests.Rules;

public sealed class SuppressionAnalyzersTests
{
    [Fact]
    public async Task AllowUnsafeWithoutReason_IsReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration("""Delete.Table("jobs");""", attributes: """[Migration(202601010000)][{|#0:AllowUnsafe("PGM033")|}]"""), Verify.Diagnostic("PGM900").WithLocation(0).WithMessage(
            "[AllowUnsafe(\"PGM033\")] has no reason. Say why the operation is safe here with Reason = \"...\"."));
    }

    [Fact]
    public async Task AllowUnsafeWithEmptyReasonOnMethod_IsReported()
    {
        await Verify.VerifyAnalyzerAsync(
            """
            using FluentMigrator;
            using Migrations;

            [Migration(202601010000)]
            public class DropJobs : Migration
            {
                [{|#0:AllowUnsafe("PGM033", Reason = " ")|}]
                public override void Up() => Delete.Table("jobs");

                public override void Down() { }
            }
            """ + Code.AllowUnsafeAttribute,
            Verify.Diagnostic("PGM900").WithLocation(0).WithArguments("PGM033", string.Empty));
    }

    [Theory]
    [InlineData("…")]
    [InlineData("TODO: say why this is safe here")]
    [InlineData("tbd")]
    [InlineData("?")]
    public async Task AllowUnsafeWithAPlaceholderReason_IsReported(string placeholder)
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration("""Delete.Table("jobs");""", attributes: $$"""[Migration(202601010000)][{|#0:AllowUnsafe("PGM033", Reason = "{{placeholder}}")|}]"""),
            Verify.Diagnostic("PGM900").WithLocation(0).WithMessage($"[AllowUnsafe(\"PGM033\")] has no reason ('{placeholder}' is a placeholder). Say why the operation is safe here with Reason = \"...\"."));
    }

    [Fact]
    public async Task AllowUnsafeWithReason_IsNotReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration("""Delete.Table("jobs");""", attributes: """[Migration(202601010000)][AllowUnsafe("PGM033", Reason = "replaced by work_items in release 40")]"""));
    }

    [Fact]
    public async Task AllowUnsafeThatSuppressesNothing_IsReported()
    {
        var test = new AllAnalyzersTest
        {
            TestCode = Code.Migration("""Delete.Table("jobs");""", down: """Execute.Sql("SELECT 1");""", attributes: """[Migration(202601010000)][AllowUnsafe("PGM033", Reason = "gone")][{|#0:AllowUnsafe("PGM030", Reason = "no column is dropped here")|}]"""),
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult("PGM901", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0).WithMessage(
            "[AllowUnsafe(\"PGM030\")] suppresses nothing in 'TestMigration'. Remove it."));
        await test.RunAsync();
    }

    [Fact]
    public async Task AllowUnsafeThatSuppressesARawSqlFinding_IsNotReported()
    {
        var test = new AllAnalyzersTest
        {
            TestCode = Code.Migration("""Execute.Sql("TRUNCATE audit_log");""", down: """Execute.Sql("SELECT 1");""", attributes: """[Migration(202601010000)][AllowUnsafe("PGM035", Reason = "audit_log is rebuilt nightly")]"""),
        };
        await test.RunAsync();
    }

    private const string HelperThenDown = """
        private void IndexOn(string column) => Create.Index("ix_" + column).OnTable("invoices").OnColumn(column);

            public override void Down()
        """;

    [Fact]
    public async Task AllowUnsafeForAnIndexAHelperBuilds_SuppressesIt()
    {
        // The reader follows IndexOn with column = "amount": the analyzers see the index, and the attribute is used.
        var test = new AllAnalyzersTest
        {
            TestCode = Code.Migration("""IndexOn("amount");""", down: """Execute.Sql("SELECT 1");""", attributes: """[Migration(202601010000)][AllowUnsafe("PGM001", Reason = "invoices is empty until launch")]""")
                .Replace("public override void Down()", HelperThenDown),
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task AllowUnsafeWhereUpBuildsSqlTheAnalyzersCannotSee_IsNotReported_AndThatPartIsNamedOnce()
    {
        // Only the build's rendered-SQL check sees this index (its name comes from a loop): the suppression is needed there.
        var test = new AllAnalyzersTest
        {
            TestCode = Code.Migration("""foreach (var column in new[] { "amount" }) { Execute.Sql($"CREATE INDEX ix_{column} ON invoices ({column})"); }""", down: """Execute.Sql("SELECT 1");""", attributes: """[Migration(202601010000)][AllowUnsafe("PGM001", Reason = "invoices is empty until launch")]""")
                .Replace("public override void Down()", HelperThenDown).Replace("public class TestMigration", "public class {|#0:TestMigration|}"),
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult("PGM112", Microsoft.CodeAnalysis.DiagnosticSeverity.Info).WithLocation(0)
            .WithMessage("Part of what migration 'TestMigration' runs cannot be read while you type (Execute.Sql with SQL built at run time). dotnet build checks the SQL it renders with the same rules."));
        await test.RunAsync();
    }

    /// <summary>PGM901 needs every analyzer: it reports the suppressions none of them used.</summary>
    private sealed class AllAnalyzersTest : CSharpAnalyzerTest<Migrations.Analyzers.Rules.AllowUnsafeSuppressesNothingAnalyzer, DefaultVerifier>
    {
        public AllAnalyzersTest()
        {
            TestReferences.Configure(TestState);
        }

        protected override System.Collections.Generic.IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => AllAnalyzers.Create();
    }
}
