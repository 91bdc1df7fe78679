using System.Reflection;
using FluentMigrator.Runner;
using Microsoft.Extensions.DependencyInjection;

// FluentMigrator driven directly, the way its documentation shows: no lock, no timeouts, no checksums.
var assembly = Assembly.LoadFrom(args[0]);
var services = new ServiceCollection()
    .AddFluentMigratorCore()
    .ConfigureRunner(runner => runner.AddPostgres().WithGlobalConnectionString(args[1]).ScanIn(assembly).For.Migrations())
    .BuildServiceProvider(false);
using var scope = services.CreateScope();
// Reflection-free factory, as the bundle uses: FluentMigrator's default loads Npgsql by name.
System.Data.Common.DbProviderFactories.RegisterFactory("Npgsql", Npgsql.NpgsqlFactory.Instance);
scope.ServiceProvider.GetRequiredService<IMigrationRunner>().MigrateUp();
