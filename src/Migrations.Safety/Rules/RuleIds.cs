namespace Migrations.Safety.Rules;

/// <summary>Every rule ID as a named constant. IDs are a public contract: never renumber, only add.</summary>
public static class RuleIds
{
    // PGM0xx — operation safety
    public const string IndexNotConcurrent = "PGM001";
    public const string ConcurrentInTransaction = "PGM002";
    public const string DropIndexNotConcurrent = "PGM003";
    public const string ForeignKeyValidated = "PGM004";
    public const string CheckConstraintValidated = "PGM005";
    public const string ValidateInSameTransaction = "PGM006";
    public const string UniqueOrPrimaryKeyOnExistingTable = "PGM007";
    public const string SetNotNullScansTable = "PGM008";
    public const string ColumnTypeChangeRewrites = "PGM009";
    public const string VolatileDefaultRewrites = "PGM010";
    public const string NotNullColumnWithoutDefault = "PGM011";
    public const string StoredGeneratedColumn = "PGM012";
    public const string IdentityColumnOnExistingTable = "PGM013";
    public const string WholeTableDataChange = "PGM014";
    public const string AccessExclusiveMaintenance = "PGM015";
    public const string TableRewriteOrTriggerChange = "PGM016";
    public const string TransactionControlInTransaction = "PGM017";

    // PGM03x — compatibility
    public const string DropColumn = "PGM030";
    public const string RenameColumn = "PGM031";
    public const string RenameTable = "PGM032";
    public const string DropTable = "PGM033";
    public const string DropOrMoveSchema = "PGM034";
    public const string Truncate = "PGM035";
    public const string EnumValueChange = "PGM036";
    public const string JsonInsteadOfJsonb = "PGM037";

    // PGM05x — type hygiene
    public const string Int32Key = "PGM050";
    public const string TimestampWithoutTimeZone = "PGM051";
    public const string VarcharWithLength = "PGM052";
    public const string FixedLengthChar = "PGM053";
    public const string IdentifierTooLong = "PGM054";

    // PGM1xx — migration structure
    public const string DuplicateVersion = "PGM100";
    public const string VersionNotTimestamp = "PGM101";
    public const string EmptyDown = "PGM102";
    public const string IrreversibleInAutoReversing = "PGM103";
    public const string IfDatabasePostgres = "PGM104";
    public const string SqlServerExtension = "PGM105";
    public const string IndexOptionAfterMethod = "PGM106";
    public const string CannotRenderOffline = "PGM107";
    public const string SchemaChangeWithBackfill = "PGM108";
    public const string ConcurrentIndexWithoutName = "PGM109";
    public const string TransactionPerSessionWithNone = "PGM110";
    public const string MigrationFailsToRender = "PGM111";
    public const string OnlyCheckedAtBuild = "PGM112";

    /// <summary>The build validation itself could not run (the bundle crashed, or stopped before any finding).</summary>
    public const string ValidationCouldNotRun = "PGM199";

    // MIGSDK — the SDK's own MSBuild checks
    public const string RuntimeReferenceMissing = "MIGSDK001";
    public const string SuggestionSummary = "MIGSDK002";

    // PGM2xx — build validation and the lock file
    public const string LockedMigrationChanged = "PGM200";
    public const string LockFileNotCurrent = "PGM201";
    public const string LockedMigrationMissing = "PGM202";
    public const string VersionBelowLocked = "PGM203";
    public const string SqlMigrationFileWithoutVersion = "PGM204";

    // PGM9xx — suppression hygiene
    public const string AllowUnsafeWithoutReason = "PGM900";
    public const string AllowUnsafeSuppressesNothing = "PGM901";
}
