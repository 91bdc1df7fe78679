using System.Collections.Generic;
using Migrations.Safety.Judging;

namespace Migrations.Safety.Rules.Decisions;

/// <summary>Every rule decided on operations, for <see cref="MigrationJudge"/> and the catalog checks.</summary>
public static class RuleDecisions
{
    public static readonly IReadOnlyList<RuleDecision> All = new RuleDecision[]
    {
        new IndexNotConcurrent(),
        new ConcurrentInTransaction(),
        new DropIndexNotConcurrent(),
        new ForeignKeyValidated(),
        new CheckConstraintValidated(),
        new ValidateInSameTransaction(),
        new UniqueOrPrimaryKeyOnExistingTable(),
        new SetNotNullScansTable(),
        new ColumnTypeChangeRewrites(),
        new VolatileDefaultRewrites(),
        new NotNullColumnWithoutDefault(),
        new StoredGeneratedColumn(),
        new IdentityColumnOnExistingTable(),
        new WholeTableDataChange(),
        new AccessExclusiveMaintenance(),
        new TableRewriteOrTriggerChange(),
        new TransactionControlInTransaction(),
        new DropColumn(),
        new RenameColumn(),
        new RenameTable(),
        new DropTable(),
        new DropOrMoveSchema(),
        new Truncate(),
        new EnumValueChange(),
        new JsonInsteadOfJsonb(),
        new Int32Key(),
        new TimestampWithoutTimeZone(),
        new VarcharWithLength(),
        new FixedLengthChar(),
        new IdentifierTooLong(),
        new SchemaChangeWithBackfill(),
        new ConcurrentIndexWithoutName(),
    };
}
