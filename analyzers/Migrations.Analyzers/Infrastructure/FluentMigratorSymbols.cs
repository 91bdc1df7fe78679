using Microsoft.CodeAnalysis;

namespace Migrations.Analyzers.Infrastructure;

/// <summary>FluentMigrator 8's symbols, resolved once per compilation by metadata name.</summary>
internal sealed class FluentMigratorSymbols
{
    private FluentMigratorSymbols(Compilation compilation, INamedTypeSymbol migrationBase)
    {
        MigrationBase = migrationBase;
        Migration = Type(compilation, "FluentMigrator.Migration");
        AutoReversingMigration = Type(compilation, "FluentMigrator.AutoReversingMigration");
        ForwardOnlyMigration = Type(compilation, "FluentMigrator.ForwardOnlyMigration");
        MigrationAttribute = Type(compilation, "FluentMigrator.MigrationAttribute");
        MaintenanceAttribute = Type(compilation, "FluentMigrator.MaintenanceAttribute");
        SystemMethods = Type(compilation, "FluentMigrator.SystemMethods");
        CreateRoot = Type(compilation, "FluentMigrator.Builders.Create.ICreateExpressionRoot");
        AlterRoot = Type(compilation, "FluentMigrator.Builders.Alter.IAlterExpressionRoot");
        DeleteRoot = Type(compilation, "FluentMigrator.Builders.Delete.IDeleteExpressionRoot");
        RenameRoot = Type(compilation, "FluentMigrator.Builders.Rename.IRenameExpressionRoot");
        ExecuteRoot = Type(compilation, "FluentMigrator.Builders.Execute.IExecuteExpressionRoot");
        UpdateRoot = Type(compilation, "FluentMigrator.Builders.Update.IUpdateExpressionRoot");
        InsertRoot = Type(compilation, "FluentMigrator.Builders.Insert.IInsertExpressionRoot");
        ColumnOptionSyntax = Type(compilation, "FluentMigrator.Builders.IColumnOptionSyntax`2");
        ColumnTypeSyntax = Type(compilation, "FluentMigrator.Builders.IColumnTypeSyntax`1");
        AlterTableAddColumnOrAlterColumnSyntax = Type(compilation, "FluentMigrator.Builders.Alter.Table.IAlterTableAddColumnOrAlterColumnSyntax");
        AlterTableColumnOptionSyntax = Type(compilation, "FluentMigrator.Builders.Alter.Table.IAlterTableColumnOptionOrAddColumnOrAlterColumnSyntax");
        CreateColumnOptionSyntax = Type(compilation, "FluentMigrator.Builders.Create.Column.ICreateColumnOptionSyntax");
        UpdateWhereSyntax = Type(compilation, "FluentMigrator.Builders.Update.IUpdateWhereSyntax");
        DeleteDataSyntax = Type(compilation, "FluentMigrator.Builders.Delete.IDeleteDataSyntax");
        IfDatabaseRoot = Type(compilation, "FluentMigrator.Builders.IfDatabase.IIfDatabaseExpressionRoot");
        PostgresExtensions = Type(compilation, "FluentMigrator.Postgres.PostgresExtensions");
        SqlServerExtensions = Type(compilation, "FluentMigrator.SqlServer.SqlServerExtensions");
        AllowUnsafeAttribute = Type(compilation, "Migrations.AllowUnsafeAttribute");
        BackfillExtensions = Type(compilation, "Migrations.Runtime.Backfill.BackfillExtensions");
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
        var migrationBase = Type(compilation, "FluentMigrator.MigrationBase");
        return migrationBase == null ? null : new FluentMigratorSymbols(compilation, migrationBase);
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

    private static INamedTypeSymbol? Type(Compilation compilation, string metadataName) => compilation.GetTypeByMetadataName(metadataName);
}
