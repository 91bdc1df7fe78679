using System;
using System.Collections.Generic;
using System.Linq;

namespace Migrations.Safety.Rules;

/// <summary>
/// The single source of truth for every rule: analyzers build their descriptors from it,
/// the build validation and the runtime format their findings with it.
/// </summary>
public static class RuleCatalog
{
    public const string SafetyCategory = "PostgreSQL.Safety";
    public const string CompatibilityCategory = "PostgreSQL.Compatibility";
    public const string TypesCategory = "PostgreSQL.Types";
    public const string StructureCategory = "Migrations.Structure";
    public const string LockFileCategory = "Migrations.LockFile";
    public const string SuppressionCategory = "Migrations.Suppression";
    public const string SdkCategory = "Migrations.Sdk";

    private static readonly Rule[] Rules =
    {
        Safety(RuleIds.IndexNotConcurrent, RuleSeverity.Error, "Index built without CONCURRENTLY",
            "Creating index '{0}' on existing table '{1}' blocks writes for the whole build. Use .WithOptions().AsConcurrently() in a migration with TransactionBehavior.None.").Predicts(LockModes.Share).WithFix()
            .InSql("Creating index '{0}' on existing table '{1}' blocks writes for the whole build. Use CREATE INDEX CONCURRENTLY in a file marked -- migrations: no-transaction."),
        Safety(RuleIds.ConcurrentInTransaction, RuleSeverity.Error, "Concurrent operation inside a transaction",
            "{0} cannot run inside a transaction block and fails at deploy time. Declare the migration with TransactionBehavior.None and run one concurrent statement per Execute.Sql call.").WithFix()
            .InSql("{0} cannot run inside a transaction block and fails at deploy time. Mark the file -- migrations: no-transaction, so each statement runs on its own."),
        Safety(RuleIds.DropIndexNotConcurrent, RuleSeverity.Warning, "Index dropped without CONCURRENTLY",
            "Dropping index '{0}' takes an ACCESS EXCLUSIVE lock that queues behind every reader. Use Execute.Sql(\"DROP INDEX CONCURRENTLY IF EXISTS ...\") in a migration with TransactionBehavior.None.").Predicts(LockModes.AccessExclusive)
            .InSql("Dropping index '{0}' takes an ACCESS EXCLUSIVE lock that queues behind every reader. Use DROP INDEX CONCURRENTLY IF EXISTS in a file marked -- migrations: no-transaction."),
        Safety(RuleIds.ForeignKeyValidated, RuleSeverity.Error, "Foreign key validated while it is added",
            "Adding foreign key '{0}' on existing table '{1}' validates every row while writes to both tables are blocked. Add it with NOT VALID and run VALIDATE CONSTRAINT in a later migration.").Predicts(LockModes.ShareRowExclusive).WithFix(),
        Safety(RuleIds.CheckConstraintValidated, RuleSeverity.Error, "CHECK constraint validated while it is added",
            "Adding CHECK constraint '{0}' on existing table '{1}' scans the table under an ACCESS EXCLUSIVE lock. Add it with NOT VALID and run VALIDATE CONSTRAINT in a later migration.").Predicts(LockModes.AccessExclusive),
        Safety(RuleIds.ValidateInSameTransaction, RuleSeverity.Warning, "Constraint validated in the transaction that added it",
            "Validating constraint '{0}' in the transaction that added it keeps the strong lock of the add for the whole scan. Validate it in a separate migration."),
        Safety(RuleIds.UniqueOrPrimaryKeyOnExistingTable, RuleSeverity.Error, "Unique or primary key constraint built under an exclusive lock",
            "Adding {0} constraint '{1}' on existing table '{2}' builds its index under an ACCESS EXCLUSIVE lock. Build a unique index CONCURRENTLY first, then ADD CONSTRAINT ... USING INDEX.").Predicts(LockModes.Share),
        Safety(RuleIds.SetNotNullScansTable, RuleSeverity.Error, "SET NOT NULL scans the table",
            "Making column '{0}' of table '{1}' NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock. Add CHECK ({0} IS NOT NULL) NOT VALID, validate it in a later migration, then SET NOT NULL with raw SQL.{2}").Predicts(LockModes.AccessExclusive)
            .InSql("Making column '{0}' of table '{1}' NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock. Add CHECK ({0} IS NOT NULL) NOT VALID, validate it in a later migration, then SET NOT NULL.{2}"),
        Safety(RuleIds.ColumnTypeChangeRewrites, RuleSeverity.Error, "Column type change rewrites the table",
            "Changing column '{0}' of table '{1}' {2} rewrites the table under an ACCESS EXCLUSIVE lock and may break running code. Add a new column, backfill it in batches and switch over (expand/contract).").Predicts(LockModes.AccessExclusive, rewrite: true),
        Safety(RuleIds.VolatileDefaultRewrites, RuleSeverity.Error, "Column added with a default that rewrites the table",
            "Adding column '{0}' to existing table '{1}' with default {2} rewrites the whole table under an ACCESS EXCLUSIVE lock. Add the column without a default, SET DEFAULT, then backfill in batches.").Predicts(LockModes.AccessExclusive, rewrite: true),
        Safety(RuleIds.NotNullColumnWithoutDefault, RuleSeverity.Error, "NOT NULL column added without a default",
            "Adding NOT NULL column '{0}' without a default to existing table '{1}' fails on the first existing row. Add it nullable, backfill, then make it NOT NULL safely."),
        Safety(RuleIds.StoredGeneratedColumn, RuleSeverity.Error, "Stored generated column added to an existing table",
            "Adding stored generated column '{0}' to existing table '{1}' rewrites the table under an ACCESS EXCLUSIVE lock. Use a trigger and a batched backfill instead.").Predicts(LockModes.AccessExclusive, rewrite: true),
        Safety(RuleIds.IdentityColumnOnExistingTable, RuleSeverity.Error, "Identity or serial column added to an existing table",
            "Adding identity column '{0}' to existing table '{1}' rewrites the table under an ACCESS EXCLUSIVE lock. Create a sequence, backfill in batches, then set the default.").Predicts(LockModes.AccessExclusive, rewrite: true),
        Safety(RuleIds.WholeTableDataChange, RuleSeverity.Warning, "Whole-table data change inside the migration",
            "{0} on table '{1}' locks every row it touches until its transaction ends, and writes to those rows wait that long. Use Execute.Backfill(…).Set(…).Where(…) (or .Delete()) in a TransactionBehavior.None migration: the bundle runs it in short, resumable batches.")
            .InSql("{0} on table '{1}' locks every row it touches until its transaction ends, and writes to those rows wait that long. Mark it -- migrations: backfill in a file that starts with -- migrations: no-transaction: the bundle runs it in short, resumable batches.").WithFix(),
        Safety(RuleIds.AccessExclusiveMaintenance, RuleSeverity.Warning, "Maintenance command holds an ACCESS EXCLUSIVE lock",
            "{0} holds an ACCESS EXCLUSIVE lock for the whole operation. Use the CONCURRENTLY form where one exists, or an online tool such as pg_repack."),
        Safety(RuleIds.TableRewriteOrTriggerChange, RuleSeverity.Warning, "Table rewrite or trigger change on an existing table",
            "{0} on existing table '{1}' {2}. Schedule it off-peak and review the lock it takes.").Predicts(LockModes.ShareRowExclusive),
        Safety(RuleIds.TransactionControlInTransaction, RuleSeverity.Error, "Transaction control inside a transactional migration",
            "'{0}' inside a migration that runs in a transaction ends or abandons that transaction midway: what ran before it stays committed while the history says the migration failed. Remove it, or make the migration TransactionBehavior.None and group statements with BEGIN/COMMIT there.")
            .InSql("'{0}' inside a migration that runs in a transaction ends or abandons that transaction midway: what ran before it stays committed while the history says the migration failed. Remove it, or mark the file -- migrations: no-transaction and group statements with BEGIN/COMMIT there."),

        Compatibility(RuleIds.DropColumn, RuleSeverity.Error, "Column dropped",
            "Dropping column '{0}' of table '{1}' breaks running code that still reads it, and its data is gone. Stop using the column, deploy, then drop it with [AllowUnsafe(\"PGM030\", Reason = \"...\")].")
            .InSql("Dropping column '{0}' of table '{1}' breaks running code that still reads it, and its data is gone. Stop using the column, deploy, then drop it with -- migrations: allow-unsafe PGM030 because <why it is safe>."),
        Compatibility(RuleIds.RenameColumn, RuleSeverity.Error, "Column renamed",
            "Renaming column '{0}' of table '{1}' breaks running code that uses the old name. Add the new column, write to both, backfill, switch reads, then drop the old one."),
        Compatibility(RuleIds.RenameTable, RuleSeverity.Error, "Table renamed",
            "Renaming table '{0}' breaks running code that uses the old name. Create the new table (or a view under the old name) and move over in steps."),
        Compatibility(RuleIds.DropTable, RuleSeverity.Error, "Table dropped",
            "Dropping table '{0}' loses its data and breaks running code that still uses it. Drop it only after the application stopped using it, with [AllowUnsafe(\"PGM033\", Reason = \"...\")].")
            .InSql("Dropping table '{0}' loses its data and breaks running code that still uses it. Drop it only after the application stopped using it, with -- migrations: allow-unsafe PGM033 because <why it is safe>."),
        Compatibility(RuleIds.DropOrMoveSchema, RuleSeverity.Error, "Schema dropped, renamed or a table moved between schemas",
            "{0} breaks running code that uses the old names and can lose data. Move objects with expand/contract steps."),
        Compatibility(RuleIds.Truncate, RuleSeverity.Error, "Table truncated",
            "TRUNCATE of '{0}' deletes every row (CASCADE reaches other tables). Delete in batches with a predicate.").Predicts(LockModes.AccessExclusive, rewrite: true),
        Compatibility(RuleIds.EnumValueChange, RuleSeverity.Warning, "Enum value renamed or added unsafely",
            "{0}. Add enum values in their own migration with TransactionBehavior.None and never rename a value running code uses.")
            .InSql("{0}. Add enum values in their own file marked -- migrations: no-transaction and never rename a value running code uses."),
        Compatibility(RuleIds.JsonInsteadOfJsonb, RuleSeverity.Info, "json used instead of jsonb",
            "Column '{0}' uses json, which cannot be indexed or compared, and changing it later rewrites the table. Use jsonb."),

        Types(RuleIds.Int32Key, RuleSeverity.Info, "32-bit integer key",
            "Key column '{0}' is a 32-bit integer that can run out; widening it later rewrites the table. Use AsInt64().")
            .InSql("Key column '{0}' is a 32-bit integer that can run out; widening it later rewrites the table. Use bigint."),
        Types(RuleIds.TimestampWithoutTimeZone, RuleSeverity.Info, "timestamp without time zone",
            "Column '{0}' is timestamp without time zone, which loses the offset of the values written. Use AsDateTimeOffset() (timestamptz).").WithFix()
            .InSql("Column '{0}' is timestamp without time zone, which loses the offset of the values written. Use timestamptz."),
        Types(RuleIds.VarcharWithLength, RuleSeverity.Info, "varchar with a length limit",
            "Column '{0}' is varchar({1}); raising the limit later is cheap but lowering it rewrites the table. Prefer text with a CHECK on its length.", enabledByDefault: false),
        Types(RuleIds.FixedLengthChar, RuleSeverity.Info, "Fixed-length char column",
            "Column '{0}' is char({1}), which pads values with spaces. Use text or varchar."),
        Types(RuleIds.IdentifierTooLong, RuleSeverity.Warning, "Identifier longer than 63 bytes",
            "Identifier '{0}' is {1} bytes long; PostgreSQL silently truncates it to 63 bytes and two names can collide. Use a shorter name."),

        Structure(RuleIds.DuplicateVersion, RuleSeverity.Error, "Duplicate migration version",
            "Migration version {0} is used by both '{1}' and '{2}'. Give each migration its own version.").OnShippedToo(),
        Structure(RuleIds.VersionNotTimestamp, RuleSeverity.Warning, "Migration version is not a timestamp",
            "Migration version {0} of '{1}' is not a timestamp (yyyyMMddHHmm, yyyyMMddHHmmss, a date with a counter, or Unix time), so two branches can pick the same one. Use a timestamp."),
        Structure(RuleIds.EmptyDown, RuleSeverity.Warning, "Empty Down()",
            "Migration '{0}' has an empty Down(), so a rollback silently does nothing. Write the reverse steps or derive from ForwardOnlyMigration.").OnShippedToo(),
        Structure(RuleIds.IrreversibleInAutoReversing, RuleSeverity.Error, "Irreversible expression in an AutoReversingMigration",
            "{0} in AutoReversingMigration '{1}' cannot be reversed, so rollback throws. Derive from Migration and write Down()."),
        Structure(RuleIds.IfDatabasePostgres, RuleSeverity.Warning, "IfDatabase(\"Postgres\") never matches",
            "IfDatabase(\"{0}\") never matches the PostgreSQL processor of FluentMigrator 8, so these expressions are skipped. Use \"PostgreSQL\".").WithFix().ReportedBy(RuleLayers.Analyzers),
        Structure(RuleIds.SqlServerExtension, RuleSeverity.Warning, "SQL Server extension in a PostgreSQL migration",
            "{0}() is a SQL Server extension that the PostgreSQL generator silently ignores. Use the FluentMigrator.Postgres extension or raw SQL.").ReportedBy(RuleLayers.Analyzers),
        Structure(RuleIds.IndexOptionAfterMethod, RuleSeverity.Error, "Index option called after the index method",
            "{0}() after {1}() throws at run time in FluentMigrator 8.0.1. Call {0}() before {1}().").ReportedBy(RuleLayers.Analyzers),
        Structure(RuleIds.CannotRenderOffline, RuleSeverity.Info, "Migration cannot be rendered offline",
            "{0} runs against the live database, so the SQL review and the checksum of this migration are incomplete. Prefer plain expressions or Execute.Sql."),
        Structure(RuleIds.SchemaChangeWithBackfill, RuleSeverity.Warning, "Schema change and data backfill in one migration",
            "Migration '{0}' changes the schema of table '{1}' and backfills its data in one transaction, holding the DDL lock during the backfill. Put the backfill in its own migration."),
        Structure(RuleIds.ConcurrentIndexWithoutName, RuleSeverity.Info, "Concurrent index without an explicit name",
            "A concurrent index on '{0}' has no explicit name, so a retry after a failed build cannot find the INVALID index it left. Name the index."),
        Structure(RuleIds.TransactionPerSessionWithNone, RuleSeverity.Error, "TransactionPerSession with a non-transactional migration",
            "Migration '{0}' declares TransactionBehavior.None but the runner is configured with TransactionPerSession, which wraps it in a transaction and makes it fail. Turn TransactionPerSession off.").ReportedBy(RuleLayers.Build).OnShippedToo(),

        Structure(RuleIds.MigrationFailsToRender, RuleSeverity.Error, "Migration throws while its SQL is rendered",
            "{0}() of migration '{1}' throws while its SQL is rendered ({2}), so it would fail at deploy time. Fix the migration.").ReportedBy(RuleLayers.Build).OnShippedToo(),
        Structure(RuleIds.OnlyCheckedAtBuild, RuleSeverity.Info, "Part of the migration is only checked at build",
            "Part of what migration '{0}' runs cannot be read while you type ({1}). dotnet build checks the SQL it renders with the same rules.").ReportedBy(RuleLayers.Analyzers),

        Sdk(RuleIds.ValidationCouldNotRun, RuleSeverity.Error, "Migration validation could not run",
            "Migration validation could not run: {0}"),
        Sdk(RuleIds.RuntimeReferenceMissing, RuleSeverity.Error, "Generated entry point without Migrations.Runtime",
            "The bundle's generated entry point needs Migrations.Runtime, which this project does not reference (EnableMigrationsRuntimeReference=false?). Reference Migrations.Runtime yourself, or set GenerateMigrationsEntryPoint=false and write your own Main."),
        Sdk(RuleIds.SuggestionSummary, RuleSeverity.Warning, "Suggestions from the migration safety rules",
            "{0} from the migration safety rules (info: they fail nothing, but acting on one later may mean rewriting a big table):{1}"),

        LockFile(RuleIds.LockedMigrationChanged, RuleSeverity.Error, "Locked migration changed after it shipped",
            "Migration {0} '{1}' renders different SQL than when it was locked in migrations.lock.json (first difference at line {2}: expected '{3}', found '{4}'), and it has shipped ({5}). Revert the edit and add a new migration instead.").ReportedBy(RuleLayers.Build),
        LockFile(RuleIds.LockFileNotCurrent, RuleSeverity.Error, "Lock file is not current",
            "migrations.lock.json {0} and this is a locked build. Build locally and commit the updated migrations.lock.json.").ReportedBy(RuleLayers.Build),
        LockFile(RuleIds.LockedMigrationMissing, RuleSeverity.Error, "Locked migration no longer exists",
            "Migration {0} '{1}' is recorded in migrations.lock.json but no longer exists. Restore it; a shipped migration must not be deleted.").ReportedBy(RuleLayers.Build),
        LockFile(RuleIds.VersionBelowLocked, RuleSeverity.Warning, "New migration older than the newest locked one",
            "New migration {0} '{1}' has a lower version than the newest locked migration {2}, so databases already at {2} will run it out of order. Give it a newer version.").ReportedBy(RuleLayers.Build),
        LockFile(RuleIds.SqlMigrationFileWithoutVersion, RuleSeverity.Error, "SQL migration file without a version",
            "SQL migration '{0}' has no version in its name. Name it <yyyyMMddHHmmss>_<name>.sql or put it in a <yyyyMMddHHmmss>_<name>/ folder.").ReportedBy(RuleLayers.Build),

        Suppression(RuleIds.AllowUnsafeWithoutReason, RuleSeverity.Error, "[AllowUnsafe] without a reason",
            "[AllowUnsafe(\"{0}\")] has no reason{1}. Say why the operation is safe here with Reason = \"...\".").WithFix(),
        Suppression(RuleIds.AllowUnsafeSuppressesNothing, RuleSeverity.Warning, "[AllowUnsafe] suppresses nothing",
            "[AllowUnsafe(\"{0}\")] suppresses nothing in '{1}'. Remove it.").ReportedBy(RuleLayers.Analyzers),
    };

    private static readonly Dictionary<string, Rule> ById = Rules.ToDictionary(rule => rule.Id, StringComparer.Ordinal);

    public static IReadOnlyList<Rule> All => Rules;

    public static Rule Get(string id) =>
        ById.TryGetValue(id, out var rule) ? rule : throw new ArgumentException("Unknown rule " + id, nameof(id));

    public static bool TryGet(string id, out Rule rule) => ById.TryGetValue(id, out rule!);

    private static Rule Safety(string id, RuleSeverity severity, string title, string message) => new Rule(id, SafetyCategory, severity, title, message);

    private static Rule Compatibility(string id, RuleSeverity severity, string title, string message) => new Rule(id, CompatibilityCategory, severity, title, message);

    private static Rule Types(string id, RuleSeverity severity, string title, string message, bool enabledByDefault = true) => new Rule(id, TypesCategory, severity, title, message, enabledByDefault);

    private static Rule Structure(string id, RuleSeverity severity, string title, string message) => new Rule(id, StructureCategory, severity, title, message);

    private static Rule LockFile(string id, RuleSeverity severity, string title, string message) => new Rule(id, LockFileCategory, severity, title, message);

    private static Rule Suppression(string id, RuleSeverity severity, string title, string message) => new Rule(id, SuppressionCategory, severity, title, message);

    /// <summary>Reported by the SDK's MSBuild tasks and targets, which format the message themselves (they cannot load this assembly).</summary>
    private static Rule Sdk(string id, RuleSeverity severity, string title, string message) => new Rule(id, SdkCategory, severity, title, message).ReportedBy(RuleLayers.Build).OnShippedToo();
}
