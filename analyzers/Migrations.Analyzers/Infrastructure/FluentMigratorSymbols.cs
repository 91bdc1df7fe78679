using Microsoft.CodeAnalysis;

namespace Migrations.Analyzers.Infrastructure;

/// <summary>FluentMigrator 8's symbols, resolved once per compilation through <see cref="WellKnownTypes"/>.</summary>
internal sealed class FluentMigratorSymbols
{
    private FluentMigratorSymbols(WellKnownTypes types, INamedTypeSymbol migrationBase)
    {
        MigrationBase = migrationBase;
        Migration = types.Get("FluentMigrator.Migration");
        AutoReversingMigration = types.Get("FluentMigrator.AutoReversingMigration");
        ForwardOnlyMigration = types.Get("FluentMigrator.ForwardOnlyMigration");
        MigrationAttribute = types.Get("FluentMigrator.MigrationAttribute");
        MaintenanceAttribute = types.Get("FluentMigrator.MaintenanceAttribute");
        SystemMethods = types.Get("FluentMigrator.SystemMethods");
        CreateRoot = types.Get("FluentMigrator.Builders.Create.ICreateExpressionRoot");
        AlterRoot = types.Get("FluentMigrator.Builders.Alter.IAlterExpressionRoot");
        DeleteRoot = types.Get("FluentMigrator.Builders.Delete.IDeleteExpressionRoot");
        RenameRoot = types.Get("FluentMigrator.Builders.Rename.IRenameExpressionRoot");
        ExecuteRoot = types.Get("FluentMigrator.Builders.Execute.IExecuteExpressionRoot");
        UpdateRoot = types.Get("FluentMigrator.Builders.Update.IUpdateExpressionRoot");
        InsertRoot = types.Get("FluentMigrator.Builders.Insert.IInsertExpressionRoot");
        ColumnOptionSyntax = types.Get("FluentMigrator.Builders.IColumnOptionSyntax`2");
        ColumnTypeSyntax = types.Get("FluentMigrator.Builders.IColumnTypeSyntax`1");
        AlterTableAddColumnOrAlterColumnSyntax = types.Get("FluentMigrator.Builders.Alter.Table.IAlterTableAddColumnOrAlterColumnSyntax");
        AlterTableColumnOptionSyntax = types.Get("FluentMigrator.Builders.Alter.Table.IAlterTableColumnOptionOrAddColumnOrAlterColumnSyntax");
        CreateColumnOptionSyntax = types.Get("FluentMigrator.Builders.Create.Column.ICreateColumnOptionSyntax");
        UpdateWhereSyntax = types.Get("FluentMigrator.Builders.Update.IUpdateWhereSyntax");
        DeleteDataSyntax = types.Get("FluentMigrator.Builders.Delete.IDeleteDataSyntax");
        IfDatabaseRoot = types.Get("FluentMigrator.Builders.IfDatabase.IIfDatabaseExpressionRoot");
        PostgresExtensions = types.Get("FluentMigrator.Postgres.PostgresExtensions");
        SqlServerExtensions = types.Get("FluentMigrator.SqlServer.SqlServerExtensions");
        AllowUnsafeAttribute = types.Get("Migrations.AllowUnsafeAttribute");
        BackfillExtensions = types.Get("Migrations.Runtime.Backfill.BackfillExtensions");
        AbstractionsAssembly = CreateRoot?.ContainingAssembly;
    }

    public INamedTypeSymbol MigrationBase { get; }

    public INamedTypeSymbol? Migration { get; }

    public INamedTypeSymbol? AutoReversingMigration { get; }

    public INamedTypeSymbol? ForwardOnlyMigration { get; }

    public INamedTypeSymbol? MigrationAttribute { get; }

    public INamedTypeSymbol? MaintenanceAttribute { get; }

    public INamedTypeSymbol? SystemMethods { get; }

    public INamedTypeSymbol? CreateRoot { get; }

    public INamedTypeSymbol? AlterRoot { get; }

    public INamedTypeSymbol? DeleteRoot { get; }

    public INamedTypeSymbol? RenameRoot { get; }

    public INamedTypeSymbol? ExecuteRoot { get; }

    public INamedTypeSymbol? UpdateRoot { get; }

    public INamedTypeSymbol? InsertRoot { get; }

    public INamedTypeSymbol? ColumnOptionSyntax { get; }

    public INamedTypeSymbol? ColumnTypeSyntax { get; }

    public INamedTypeSymbol? AlterTableAddColumnOrAlterColumnSyntax { get; }

    public INamedTypeSymbol? AlterTableColumnOptionSyntax { get; }

    public INamedTypeSymbol? CreateColumnOptionSyntax { get; }

    public INamedTypeSymbol? UpdateWhereSyntax { get; }

    public INamedTypeSymbol? DeleteDataSyntax { get; }

    public INamedTypeSymbol? IfDatabaseRoot { get; }

    public INamedTypeSymbol? PostgresExtensions { get; }

    public INamedTypeSymbol? SqlServerExtensions { get; }

    public INamedTypeSymbol? AllowUnsafeAttribute { get; }

    /// <summary>The SDK runtime's <c>Execute.Backfill(table)</c>: null when Migrations.Runtime is not referenced.</summary>
    public INamedTypeSymbol? BackfillExtensions { get; }

    public IAssemblySymbol? AbstractionsAssembly { get; }

    /// <summary>Null when FluentMigrator is not referenced: analyzers then register nothing.</summary>
    public static FluentMigratorSymbols? TryCreate(Compilation compilation)
    {
        var types = WellKnownTypes.Of(compilation);
        var migrationBase = types.Get("FluentMigrator.MigrationBase");
        return migrationBase == null ? null : new FluentMigratorSymbols(types, migrationBase);
    }

    /// <summary>True when <paramref name="method"/> is <paramref name="name"/> declared on <paramref name="type"/>.</summary>
    public static bool Is(IMethodSymbol method, INamedTypeSymbol? type, string name) =>
        type != null && method.Name == name && SymbolEqualityComparer.Default.Equals(method.ContainingType.OriginalDefinition, type);

    /// <summary>True for a method declared by one of FluentMigrator's fluent syntax interfaces (FluentMigrator.Builders.*).</summary>
    public bool IsBuilderMethod(IMethodSymbol method, string name) =>
        method.Name == name
        && method.ContainingType.TypeKind == TypeKind.Interface
        && SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, AbstractionsAssembly);

    public bool IsPostgresExtension(IMethodSymbol method, string name) => Is(method, PostgresExtensions, name);
}
