using FluentMigrator;
using Migrations.Safety.Sql;

namespace Migrations.Runtime.SqlFiles;

/// <summary>
/// Base of the classes the SDK generates for Migrations/**/*.sql files (Prisma, Flyway or plain SQL migrations).
/// A transactional file goes to PostgreSQL as one command; a file marked <c>-- migrations: no-transaction</c> runs
/// statement by statement, because several statements in one command form an implicit transaction that
/// CREATE INDEX CONCURRENTLY refuses. There a statement marked <c>-- migrations: backfill</c> runs as a backfill.
/// </summary>
public abstract class SqlFileMigration(string upResource, string? downResource) : Migration
{
    public override void Up() => Run(upResource);

    public override void Down()
    {
        if (downResource is null)
        {
            throw new MigrationHasNoDownException($"SQL migration {GetType().Name} has no down script; add down.sql beside it to make it reversible.");
        }

        Run(downResource);
    }

    private void Run(string resource)
    {
        var sql = Read(resource);
        var transactional = GetType().GetCustomAttributes(typeof(MigrationAttribute), inherit: false) is [MigrationAttribute { TransactionBehavior: TransactionBehavior.Default }];
        if (transactional)
        {
            if (SqlBackfillDirective.AppearsIn(sql))
            {
                throw new InvalidOperationException($"SQL migration {GetType().Name} has a '-- migrations: backfill' statement, whose batches commit one by one: start the file with '-- migrations: no-transaction'.");
            }

            Execute.Sql(sql);
            return;
        }

        var previousEnd = 0;
        foreach (var statement in SqlStatementSplitter.Split(sql))
        {
            var leading = sql[Math.Min(previousEnd, statement.Offset)..statement.Offset];
            previousEnd = statement.Offset + statement.Length;
            if (!SqlBackfillDirective.TryAdd(leading, statement.Text, Execute))
            {
                Execute.Sql(statement.Text);
            }
        }
    }

    private string Read(string resource)
    {
        using var stream = GetType().Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The bundle lacks the embedded SQL '{resource}'. Rebuild the project.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
