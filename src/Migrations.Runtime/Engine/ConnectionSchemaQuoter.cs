using FluentMigrator.Runner.Generators.Postgres;
using FluentMigrator.Runner.Processors.Postgres;

namespace Migrations.Runtime.Engine;

/// <summary>
/// FluentMigrator's PostgreSQL quoter names "public" wherever an expression has no schema. With a schema per tenant
/// that would split a deploy: fluent objects in public, raw SQL and the history in the tenant's schema. The default
/// schema convention gives most expressions the tenant's schema; this catches the ones FluentMigrator renders without
/// consulting it (DROP TABLE IF EXISTS, for one), so no unqualified fluent object can land in public.
/// </summary>
internal sealed class ConnectionSchemaQuoter(PostgresOptions options, string schema) : PostgresQuoter(options)
{
    public override string QuoteSchemaName(string schemaName) =>
        base.QuoteSchemaName(string.IsNullOrEmpty(schemaName) ? schema : schemaName);
}
