using FluentMigrator;
using Migrations.Runtime.SqlFiles;

namespace Migrations.Runtime.Tests.Fixtures.SqlBackfill;

/// <summary>The class the SDK generates for a .sql migration, written by hand over an embedded file.</summary>
[Migration(202409020000, TransactionBehavior.None, "backfill from a .sql file")]
public sealed class BackfillItemsFromSql() : SqlFileMigration("Migrations.Runtime.Tests.Fixtures.Scripts.backfill_items.sql", null);
