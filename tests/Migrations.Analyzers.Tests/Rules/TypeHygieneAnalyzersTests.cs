using System.Threading.Tasks;
using Migrations.Analyzers.Tests.Infrastructure;
using VerifyChar = Migrations.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Migrations.Analyzers.Rules.FixedLengthCharAnalyzer>;
using VerifyInt32 = Migrations.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Migrations.Analyzers.Rules.Int32KeyAnalyzer>;
using VerifyJson = Migrations.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Migrations.Analyzers.Rules.JsonColumnAnalyzer>;
using VerifyLength = Migrations.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Migrations.Analyzers.Rules.IdentifierTooLongAnalyzer>;
using VerifyTimestamp = Migrations.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Migrations.Analyzers.Rules.TimestampWithoutTimeZoneAnalyzer>;
using VerifyVarchar = Migrations.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Migrations.Analyzers.Rules.VarcharWithLengthAnalyzer>;

namespace Migrations.Analyzers.Tests.Rules;

public sealed class TypeHygieneAnalyzersTests
{
    [Fact]
    public async Task JsonColumn_IsReported()
    {
        await VerifyJson.VerifyAnalyzerAsync(Code.Migration("""Create.Table("events").WithColumn("payload").{|#0:AsCustom("json")|};"""), VerifyJson.Diagnostic("PGM037").WithLocation(0).WithMessage(
            "Column 'payload' uses json, which cannot be indexed or compared, and changing it later rewrites the table. Use jsonb."));
    }

    [Fact]
    public async Task JsonbColumnOrJsonInDown_IsNotReported()
    {
        await VerifyJson.VerifyAnalyzerAsync(Code.Migration("""Create.Table("events").WithColumn("payload").AsCustom("jsonb");""", down: """Alter.Table("events").AddColumn("raw").AsCustom("json");"""));
    }

    [Fact]
    public async Task Int32PrimaryKey_IsReported()
    {
        await VerifyInt32.VerifyAnalyzerAsync(Code.Migration("""Create.Table("events").WithColumn("id").{|#0:AsInt32()|}.PrimaryKey().Identity();"""), VerifyInt32.Diagnostic("PGM050").WithLocation(0).WithMessage(
            "Key column 'id' is a 32-bit integer that can run out; widening it later rewrites the table. Use AsInt64()."));
    }

    [Fact]
    public async Task Int64KeyOrPlainInt32Column_IsNotReported()
    {
        await VerifyInt32.VerifyAnalyzerAsync(Code.Migration("""Create.Table("events").WithColumn("id").AsInt64().PrimaryKey().Identity().WithColumn("attempts").AsInt32();"""));
    }

    [Fact]
    public async Task DateTimeColumn_IsReported()
    {
        await VerifyTimestamp.VerifyAnalyzerAsync(Code.Migration("""Create.Table("events").WithColumn("at").{|#0:AsDateTime()|}.WithColumn("seen").{|#1:AsDateTime2()|};"""),
            VerifyTimestamp.Diagnostic("PGM051").WithLocation(0).WithMessage("Column 'at' is timestamp without time zone, which loses the offset of the values written. Use AsDateTimeOffset() (timestamptz)."),
            VerifyTimestamp.Diagnostic("PGM051").WithLocation(1).WithArguments("seen"));
    }

    [Fact]
    public async Task DateTimeOffsetColumn_IsNotReported()
    {
        await VerifyTimestamp.VerifyAnalyzerAsync(Code.Migration("""Create.Table("events").WithColumn("at").AsDateTimeOffset();"""));
    }

    [Fact]
    public void VarcharWithLength_IsOffByDefault()
    {
        Assert.False(new Migrations.Analyzers.Rules.VarcharWithLengthAnalyzer().SupportedDiagnostics[0].IsEnabledByDefault);
    }

    [Fact]
    public async Task VarcharWithLength_IsReportedWhenEnabled()
    {
        var test = new AnalyzerVerifier<Migrations.Analyzers.Rules.VarcharWithLengthAnalyzer>.Test { TestCode = Code.Migration("""Create.Table("events").WithColumn("code").{|#0:AsString(20)|};""") };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ndotnet_diagnostic.PGM052.severity = suggestion"));
        test.ExpectedDiagnostics.Add(VerifyVarchar.Diagnostic("PGM052").WithLocation(0).WithMessage(
            "Column 'code' is varchar(20); raising the limit later is cheap but lowering it rewrites the table. Prefer text with a CHECK on its length."));
        await test.RunAsync();
    }

    [Fact]
    public async Task FixedLengthChar_IsReported()
    {
        await VerifyChar.VerifyAnalyzerAsync(Code.Migration("""Create.Table("countries").WithColumn("code").{|#0:AsFixedLengthString(2)|};"""), VerifyChar.Diagnostic("PGM053").WithLocation(0).WithMessage(
            "Column 'code' is char(2), which pads values with spaces. Use text or varchar."));
    }

    [Fact]
    public async Task IdentifierLongerThan63Bytes_IsReported()
    {
        const string name = "a_table_name_that_is_far_too_long_for_postgresql_to_keep_in_full_x";
        await VerifyLength.VerifyAnalyzerAsync(Code.Migration($$"""Create.Table({|#0:"{{name}}"|}).WithColumn("id").AsInt64().PrimaryKey();"""), VerifyLength.Diagnostic("PGM054").WithLocation(0).WithMessage(
            $"Identifier '{name}' is {name.Length} bytes long; PostgreSQL silently truncates it to 63 bytes and two names can collide. Use a shorter name."));
    }

    [Fact]
    public async Task IdentifierOf63Bytes_IsNotReported()
    {
        await VerifyLength.VerifyAnalyzerAsync(Code.Migration($$"""Create.Table("{{new string('t', 63)}}").WithColumn("id").AsInt64().PrimaryKey();"""));
    }
}
