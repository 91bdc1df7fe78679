using FluentMigrator;
using Migrations.Safety.Sql;

namespace Migrations.Runtime.SqlFiles;

/// <summary>
/// Base of the classes the SDK generates for Migrations/**/*.sql files (Prisma, Flyway or plain SQL migrations).
/// A transactional file goes to PostgreSQL as one command; a file marked <c>-- migrations: no-transaction</c> runs
/// statement by statement, because several statements in one command form an implicit transaction that
/// CREATE INDEX CONCURRENTLY refuses.
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
            Execute.Sql(sql);
            return;
        }

        foreach (var statement in SqlStatementSplitter.Split(sql))
        {
            Execute.Sql(statement.Text);
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
