using System.Data;
using FluentMigrator.Expressions;
using FluentMigrator.Runner.Generators.Postgres;
using FluentMigrator.Runner.Initialization;
using FluentMigrator.Runner.Processors;
using FluentMigrator.Runner.Processors.Postgres;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Migrations.Runtime.Engine;

/// <summary>
/// FluentMigrator's PostgreSQL processor with every generated statement routed through an <see cref="IStatementSink"/>,
/// so rendering, checksums and execution all see exactly the same SQL.
/// </summary>
internal sealed class BundleProcessor(
    PostgresDbFactory factory,
    Postgres15_0Generator generator,
    ILogger<Postgres15_0Processor> logger,
    IOptionsSnapshot<ProcessorOptions> options,
    IConnectionStringAccessor connectionStringAccessor,
    PostgresOptions postgresOptions)
    : Postgres15_0Processor(factory, generator, logger, options, connectionStringAccessor, postgresOptions)
{
    /// <summary>Set by whoever drives the processor: rendering records, deploying executes.</summary>
    public IStatementSink? Sink { get; set; }

    private IStatementSink RequiredSink => Sink ?? throw new InvalidOperationException("No statement sink set.");

    public NpgsqlConnection OpenConnection()
    {
        EnsureConnectionIsOpen();
        return (NpgsqlConnection)Connection;
    }

    public NpgsqlTransaction? CurrentTransaction => (NpgsqlTransaction?)Transaction;

    /// <summary>
    /// Runs inside a migration's transaction just before it commits. <c>test</c> reads pg_locks there: a transaction
    /// holds every table lock it took until it ends, so nothing a quick migration locked can be missed.
    /// </summary>
    public Action<NpgsqlConnection, NpgsqlTransaction>? BeforeCommit { get; set; }

    public override void CommitTransaction()
    {
        if (BeforeCommit is { } beforeCommit && CurrentTransaction is { } transaction)
        {
            beforeCommit(OpenConnection(), transaction);
        }

        base.CommitTransaction();
    }

    protected override void Process(string sql)
    {
        if (!string.IsNullOrWhiteSpace(sql))
        {
            RequiredSink.Statement(sql);
        }
    }

    public override void Process(PerformDBOperationExpression expression)
    {
        if (expression.Operation?.Target is Backfill.BackfillDefinition backfill)
        {
            RequiredSink.Backfill(backfill);
            return;
        }

        RequiredSink.Operation(expression.Description, () => expression.Operation?.Invoke(OpenConnection(), Transaction));
    }

    public override bool Exists(string template, params object[] args) => Offline(() => base.Exists(template, args));

    public override DataSet Read(string template, params object[] args) => Offline(() => base.Read(template, args));

    public override DataSet ReadTableData(string schemaName, string tableName) => Offline(() => base.ReadTableData(schemaName, tableName));

    private T Offline<T>(Func<T> query) =>
        RequiredSink.IsOffline ? throw new OfflineRenderingException("Schema.*.Exists() or a data read") : query();
}
