using System.Threading.Tasks;
using Migrations.Analyzers.Tests.Infrastructure;
using Verify = Migrations.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Migrations.Analyzers.Rules.UniqueOrPrimaryKeyConstraintAnalyzer>;

namespace Migrations.Analyzers.Tests.Rules;

public sealed class UniqueOrPrimaryKeyConstraintAnalyzerTests
{
    [Fact]
    public async Task UniqueConstraintOnExistingTable_IsReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration("""{|#0:Create.UniqueConstraint("uq_users_email").OnTable("users").Column("email")|};"""), Verify.Diagnostic("PGM007").WithLocation(0).WithMessage(
            "Adding UNIQUE constraint 'uq_users_email' on existing table 'users' builds its index under an ACCESS EXCLUSIVE lock. Build a unique index CONCURRENTLY first, then ADD CONSTRAINT ... USING INDEX."));
    }

    [Fact]
    public async Task PrimaryKeyOnExistingTable_IsReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration("""{|#0:Create.PrimaryKey("pk_users").OnTable("users").Column("id")|};"""), Verify.Diagnostic("PGM007").WithLocation(0).WithArguments("PRIMARY KEY", "pk_users", "users"));
    }

    [Fact]
    public async Task ConstraintUsingIndex_IsNotReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration("""Execute.Sql("ALTER TABLE users ADD CONSTRAINT uq_users_email UNIQUE USING INDEX ix_users_email");"""));
    }

    [Fact]
    public async Task ConstraintOnTableCreatedInSameMigration_IsNotReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration("""
            Create.Table("users").WithColumn("id").AsInt64().PrimaryKey().WithColumn("email").AsString();
            Create.UniqueConstraint("uq_users_email").OnTable("users").Column("email");
            """));
    }

    [Fact]
    public async Task ConstraintInDown_IsNotReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration(up: "", down: """Create.UniqueConstraint("uq").OnTable("users").Column("email");"""));
    }
}
