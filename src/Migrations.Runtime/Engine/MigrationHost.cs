using System.Reflection;
using FluentMigrator;
using FluentMigrator.Expressions;
using FluentMigrator.Infrastructure;
using FluentMigrator.Runner;
using FluentMigrator.Runner.Processors.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Migrations.Runtime.Engine;

/// <summary>
/// FluentMigrator's services for one bundle run: the PostgreSQL generator, conventions, embedded-script lookup
/// and our <see cref="BundleProcessor"/>. We drive migrations expression by expression instead of through
/// FluentMigrator's runner, so that locking, timeouts, checksums and history stay in our hands.
/// </summary>
internal sealed class MigrationHost : IDisposable
{
    private readonly ServiceProvider _root;
    private readonly IServiceScope _scope;
    private readonly MigrationValidator _validator;

    private MigrationHost(ServiceProvider root, string connectionString)
    {
        _root = root;
        _scope = root.CreateScope();
        Processor = _scope.ServiceProvider.GetRequiredService<BundleProcessor>();
        _validator = _scope.ServiceProvider.GetRequiredService<MigrationValidator>();
        ConnectionString = connectionString;
    }

    public BundleProcessor Processor { get; }

    public string ConnectionString { get; }

    /// <summary>Offline hosts have no connection string: nothing they do can reach a database.</summary>
    /// <param name="defaultSchema">Where expressions without a schema go (a tenant's schema); null: FluentMigrator's "public".</param>
    public static MigrationHost Create(Assembly assembly, string? connectionString = null, string? defaultSchema = null)
    {
        var services = new ServiceCollection()
            .AddLogging(logging => logging.ClearProviders())
            .AddFluentMigratorCore()
            .ConfigureRunner(runner => runner
                .AddPostgres()
                .WithGlobalConnectionString(connectionString ?? string.Empty)
                .WithMigrationsIn(assembly));
        // Execute.EmbeddedScript looks in the embedded resource providers; the default one covers the assembly source,
        // which WithMigrationsIn does not fill, so the bundle's own resources were never found.
        services.AddSingleton<FluentMigrator.Infrastructure.IEmbeddedResourceProvider>(new FluentMigrator.Infrastructure.DefaultEmbeddedResourceProvider(assembly));
        if (defaultSchema is not null)
        {
            services.AddSingleton<FluentMigrator.Runner.Conventions.IConventionSet>(new DefaultConventionSet(defaultSchema, workingDirectory: null));
            services.AddScoped<FluentMigrator.Runner.Generators.Postgres.PostgresQuoter>(provider => new ConnectionSchemaQuoter(provider.GetRequiredService<PostgresOptions>(), defaultSchema));
        }

        services.AddScoped<PostgresDbFactory, DirectNpgsqlDbFactory>();
        services.AddScoped<BundleProcessor>();
        return new MigrationHost(services.BuildServiceProvider(validateScopes: false), connectionString ?? string.Empty);
    }

    public IMigration CreateMigration(Type type) =>
        (IMigration)ActivatorUtilities.CreateInstance(_scope.ServiceProvider, type);

    public IReadOnlyList<IMigrationExpression> CollectUp(IMigration migration) =>
        Collect(migration, (m, context) => m.GetUpExpressions(context));

    public IReadOnlyList<IMigrationExpression> CollectDown(IMigration migration) =>
        Collect(migration, (m, context) => m.GetDownExpressions(context));

    /// <summary>Generates each expression's SQL into the processor's current sink.</summary>
    public void Run(IEnumerable<IMigrationExpression> expressions)
    {
        foreach (var expression in expressions)
        {
            expression.ExecuteWith(Processor);
        }
    }

    private IReadOnlyList<IMigrationExpression> Collect(IMigration migration, Action<IMigration, IMigrationContext> collect)
    {
        var context = new MigrationContext(Processor, _scope.ServiceProvider, ConnectionString);
        collect(migration, context);
        var expressions = context.Expressions.ToList();
        // Default names (IX_…, FK_…) and schema come from FluentMigrator's conventions, exactly as its own runner applies them.
        _validator.ApplyConventionsToAndValidateExpressions(migration, expressions);
        RefuseBackfillInTransaction(migration, expressions);
        return expressions;
    }

    /// <summary>
    /// Each batch of a backfill commits on its own; inside the migration's transaction nothing would commit until the
    /// end, holding every row lock of the whole table. The build reports this as a migration that fails to render.
    /// </summary>
    private static void RefuseBackfillInTransaction(IMigration migration, IReadOnlyList<IMigrationExpression> expressions)
    {
        var attribute = migration.GetType().GetCustomAttribute<MigrationAttribute>(inherit: false);
        if (attribute is { TransactionBehavior: TransactionBehavior.Default }
            && expressions.OfType<PerformDBOperationExpression>().FirstOrDefault(expression => expression.Operation?.Target is Backfill.BackfillDefinition) is { } found)
        {
            var backfill = (Backfill.BackfillDefinition)found.Operation!.Target!;
            throw new InvalidOperationException($"The backfill of {backfill.DisplayTable} commits batch by batch and cannot run inside the migration's transaction: declare [Migration({attribute.Version}, TransactionBehavior.None)] and keep schema changes in an earlier migration.");
        }
    }

    public void Dispose()
    {
        try
        {
            _scope.Dispose();
            _root.Dispose();
        }
        catch (Exception exception) when (exception is InvalidOperationException or Npgsql.NpgsqlException)
        {
            // After a lost connection FluentMigrator's processor tries to roll back a transaction that is already
            // gone; the server rolled it back. Failing here would hide the error that matters.
        }
    }
}
