using System.Threading.Tasks;
using Migrations.Analyzers.Tests.Infrastructure;
using Verify = Migrations.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Migrations.Analyzers.Rules.ValidatedForeignKeyAnalyzer>;

namespace Migrations.Analyzers.Tests.Rules;

public sealed class ValidatedForeignKeyAnalyzerTests
{
    [Fact]
    public async Task CreateForeignKeyOnExistingTable_IsReported()
    {
        const string up = """{|#0:Create.ForeignKey("fk_orders_customer").FromTable("orders").ForeignColumn("customer_id").ToTable("customers").PrimaryColumn("id")|};""";

        await Verify.VerifyAnalyzerAsync(Code.Migration(up), Verify.Diagnostic("PGM004").WithLocation(0).WithMessage(
            "Adding foreign key 'fk_orders_customer' on existing table 'orders' validates every row while writes to both tables are blocked. Add it with NOT VALID and run VALIDATE CONSTRAINT in a later migration."));
    }

    [Fact]
    public async Task ColumnForeignKeyAddedToExistingTable_IsReported()
    {
        const string up = """Alter.Table("orders").AddColumn("customer_id").AsInt64().Nullable().{|#0:ForeignKey("fk_orders_customer", "customers", "id")|};""";

        await Verify.VerifyAnalyzerAsync(Code.Migration(up), Verify.Diagnostic("PGM004").WithLocation(0).WithArguments("fk_orders_customer", "orders"));
    }

    [Fact]
    public async Task ReferencedByFromNewTableToExistingTable_IsReported()
    {
        const string up = """Create.Table("customers").WithColumn("id").AsInt64().PrimaryKey().{|#0:ReferencedBy("fk_orders_customer", "orders", "customer_id")|};""";

        await Verify.VerifyAnalyzerAsync(Code.Migration(up), Verify.Diagnostic("PGM004").WithLocation(0).WithArguments("fk_orders_customer", "orders"));
    }

    [Fact]
    public async Task RawForeignKeyNotValid_IsNotReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration("""Execute.Sql("ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID");"""));
    }

    [Fact]
    public async Task ForeignKeyOnTableCreatedInSameMigration_IsNotReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration("""
            Create.Table("orders").WithColumn("id").AsInt64().PrimaryKey().WithColumn("customer_id").AsInt64().ForeignKey("customers", "id");
            Create.ForeignKey("fk_orders_customer").FromTable("orders").ForeignColumn("customer_id").ToTable("customers").PrimaryColumn("id");
            """));
    }

    [Fact]
    public async Task ForeignKeyInDown_IsNotReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration(up: "", down: """Create.ForeignKey("fk").FromTable("orders").ForeignColumn("customer_id").ToTable("customers").PrimaryColumn("id");"""));
    }
}
