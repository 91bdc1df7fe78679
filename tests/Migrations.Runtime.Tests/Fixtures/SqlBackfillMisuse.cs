using FluentMigrator;
using Migrations.Runtime.SqlFiles;

namespace Migrations.Runtime.Tests.Fixtures.SqlBackfillMisuse.NotBatchable
{
    /// <summary>A backfill directive over an UPDATE … FROM, which cannot be walked in key ranges.</summary>
    [Migration(202409030000, TransactionBehavior.None, "backfill directive over UPDATE … FROM")]
    public sealed class BackfillWithFrom() : SqlFileMigration("Migrations.Runtime.Tests.Fixtures.Scripts.backfill_with_from.sql", null);
}

namespace Migrations.Runtime.Tests.Fixtures.SqlBackfillMisuse.InTransaction
{
    /// <summary>A backfill directive in a file that runs in one transaction, where batches cannot commit one by one.</summary>
    [Migration(202409030100, "backfill directive without no-transaction")]
    public sealed class BackfillInTransaction() : SqlFileMigration("Migrations.Runtime.Tests.Fixtures.Scripts.backfill_in_transaction.sql", null);
}
