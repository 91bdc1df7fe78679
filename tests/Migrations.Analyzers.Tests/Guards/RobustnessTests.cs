using System.Threading.Tasks;
using Migrations.Analyzers.Tests.Infrastructure;

namespace Migrations.Analyzers.Tests.Guards;

public sealed class RobustnessTests
{
    [Theory]
    [InlineData("""Create.Index("ix").OnTable(""")]
    [InlineData("""Create.Index().OnTable(null).OnColumn(null)""")]
    [InlineData("""Create.ForeignKey().FromTable("a").""")]
    [InlineData("""Alter.Table("t").AddColumn(""")]
    [InlineData("""Alter.Column("c").OnTable("t").""")]
    [InlineData("""Alter.Column("c").OnTable(TableName()).AsCustom(null).NotNullable();""")]
    [InlineData("""Alter.Table("t").AddColumn("c").AsString().WithDefault((SystemMethods)42);""")]
    [InlineData("""Execute.Sql(""")]
    [InlineData("""Execute.Sql(null); Execute.Sql(TableName()); Execute.EmbeddedScript("");""")]
    [InlineData("""Execute.Sql("CREATE INDEX ON ; ALTER TABLE ; DROP ; ALTER TABLE t ADD ; UPDATE ; TRUNCATE ; $$ unterminated");""")]
    [InlineData("""Update.Table("t").Set(new { a = 1 }).""")]
    [InlineData("""Delete.Column().FromTable("t");""")]
    [InlineData("""IfDatabase().Create.Index("ix").OnTable("t").OnColumn("c").Ascending().WithOptions().AsConcurrently().UsingGin().AsConcurrently();""")]
    [InlineData("""Rename.Table("a").To(""")]
    [InlineData("""Create.Table("t").WithColumn("id").AsInt32().PrimaryKey().WithColumn(""")]
    [InlineData("""Schema.Table("t").Exists(""")]
    [InlineData("""}}}} class X { void Up() { Create.Index(""")]
    public async Task BrokenOrHalfTypedCode_CrashesNoAnalyzer(string up)
    {
        var source = Code.Migration(up + "\n    }\n    private static string TableName() => \"t\";\n    private void Unused() {") + History.CreateJobs;

        var (diagnostics, exceptions) = await AnalyzerRunner.RunAsync(new[] { source }, requireCompilation: false);

        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, diagnostic => diagnostic.Id == "AD0001");
    }

    [Theory]
    [InlineData("[Migration]")]
    [InlineData("[Migration(")]
    [InlineData("[Migration(\"x\")]")]
    [InlineData("[Migration(1, (TransactionBehavior)7)][AllowUnsafe(null)][AllowUnsafe]")]
    [InlineData("[Maintenance]")]
    public async Task BrokenAttributes_CrashNoAnalyzer(string attributes)
    {
        var source = Code.Migration("""Delete.Table("jobs");""", attributes: attributes);

        var (diagnostics, exceptions) = await AnalyzerRunner.RunAsync(new[] { source }, requireCompilation: false);

        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, diagnostic => diagnostic.Id == "AD0001");
    }

    [Fact]
    public async Task CompilationWithoutFluentMigrator_RegistersNothing()
    {
        var (diagnostics, exceptions) = await AnalyzerRunner.RunAsync(new[] { "class Create { void Index() { } }" }, requireCompilation: false);

        Assert.Empty(exceptions);
        Assert.Empty(diagnostics);
    }
}
