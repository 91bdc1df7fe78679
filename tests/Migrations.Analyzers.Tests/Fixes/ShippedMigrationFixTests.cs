using System;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Migrations.Analyzers.CodeFixes.Rules;
using Migrations.Analyzers.Tests.Infrastructure;

namespace Migrations.Analyzers.Tests.Fixes;

/// <summary>
/// A migration that has shipped already ran in production and the lock file guards its SQL: no fixer rewrites what it
/// runs. The analyzers do not report these rules on shipped migrations; the fixers refuse anyway, by the same build
/// properties, so a finding the IDE still shows from before MigrationsShippedThrough moved cannot lead to an edit.
/// </summary>
public sealed class ShippedMigrationFixTests
{
    private const string Shipped = "build_property.MigrationsShippedThrough = 202601010000";
    private const string StartsAfter = "build_property.MigrationsSafetyStartAfter = 202601010000";
    private const string ShippedBefore = "build_property.MigrationsShippedThrough = 202512310000";

    /// <summary>Each fixer that changes what a migration runs, with a finding in migration 202601010000 and its fix's title.</summary>
    public static TheoryData<Type, string, string, string> FixersOfWhatRuns() => new()
    {
        { typeof(CreateIndexConcurrentlyFixer), "PGM001", Code.Migration("""[|Create.Index("ix_jobs_stage").OnTable("jobs").OnColumn("stage").Ascending()|];"""), "Build the index CONCURRENTLY" },
        { typeof(ConcurrentIndexInTransactionFixer), "PGM002", Code.Migration("""Create.Index("ix_jobs_stage").OnTable("jobs").OnColumn("stage").Ascending().WithOptions().[|AsConcurrently()|];"""), "Run the migration without a transaction (TransactionBehavior.None)" },
        { typeof(ValidatedForeignKeyFixer), "PGM004", Code.Migration("""[|Create.ForeignKey("fk_orders_customer").FromTable("orders").ForeignColumn("customer_id").ToTable("customers").PrimaryColumn("id")|];"""), "Add the foreign key NOT VALID with Execute.Sql" },
        { typeof(TimestampWithoutTimeZoneFixer), "PGM051", Code.Migration("""Create.Table("events").WithColumn("at").[|AsDateTime()|];"""), "Use AsDateTimeOffset() (timestamptz)" },
        { typeof(IfDatabasePostgresFixer), "PGM104", Code.Migration("""IfDatabase([|"Postgres"|]).Execute.Sql("SELECT 1");"""), "Use \"PostgreSQL\"" },
    };

    [Theory]
    [MemberData(nameof(FixersOfWhatRuns))]
    public async Task MigrationAtOrBelowShippedThrough_IsNotRewritten(Type fixer, string ruleId, string source, string title)
    {
        Assert.NotEmpty(title);
        Assert.Empty(await OfferedFixes.TitlesAsync(Create(fixer), ruleId, source, Shipped));
    }

    [Theory]
    [MemberData(nameof(FixersOfWhatRuns))]
    public async Task MigrationAtOrBelowSafetyStartAfter_IsNotRewritten(Type fixer, string ruleId, string source, string title)
    {
        Assert.NotEmpty(title);
        Assert.Empty(await OfferedFixes.TitlesAsync(Create(fixer), ruleId, source, StartsAfter));
    }

    [Theory]
    [MemberData(nameof(FixersOfWhatRuns))]
    public async Task MigrationAfterShippedThrough_IsStillFixedInPlace(Type fixer, string ruleId, string source, string title)
    {
        Assert.Equal(new[] { title }, await OfferedFixes.TitlesAsync(Create(fixer), ruleId, source, ShippedBefore));
        Assert.Equal(new[] { title }, await OfferedFixes.TitlesAsync(Create(fixer), ruleId, source));
    }

    [Fact]
    public async Task AllowUnsafeReason_IsStillOfferedOnAShippedMigration()
    {
        // PGM900 is reported on shipped migrations too, and the Reason is not part of the SQL the lock file guards.
        var source = Code.Migration("""Delete.Table("jobs");""", attributes: """[Migration(202601010000)][[|AllowUnsafe("PGM033")|]]""");

        Assert.Equal(new[] { "Add a Reason to complete" }, await OfferedFixes.TitlesAsync(new AllowUnsafeWithoutReasonFixer(), "PGM900", source, Shipped));
    }

    private static CodeFixProvider Create(Type fixer) => (CodeFixProvider)Activator.CreateInstance(fixer)!;
}
