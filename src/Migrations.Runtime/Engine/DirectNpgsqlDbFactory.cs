using FluentMigrator.Runner.Processors.Postgres;
using Npgsql;

namespace Migrations.Runtime.Engine;

/// <summary>
/// Hands FluentMigrator Npgsql's factory directly. Its default loads Npgsql by reflection,
/// which a single-file bundle cannot do.
/// </summary>
internal sealed class DirectNpgsqlDbFactory(IServiceProvider serviceProvider) : PostgresDbFactory(serviceProvider)
{
    public override System.Data.Common.DbProviderFactory Factory => NpgsqlFactory.Instance;
}
