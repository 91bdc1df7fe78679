using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Migrations.Analyzers.Infrastructure;

internal enum FluentRoot
{
    Other,
    CreateTable,
    CreateColumn,
    CreateIndex,
    CreateForeignKey,
    CreatePrimaryKey,
    CreateUniqueConstraint,
    AlterTable,
    AlterColumn,
    DeleteTable,
    DeleteColumn,
    DeleteIndex,
    DeleteForeignKey,
    DeletePrimaryKey,
    DeleteUniqueConstraint,
    DeleteSchema,
    DeleteData,
    RenameTable,
    RenameColumn,
    UpdateData,
    InsertData,
    ExecuteSql,
    ExecuteEmbeddedScript,
    ExecuteOther,

    /// <summary>Execute.Backfill("table")…: the SDK runtime's batched data change.</summary>
    Backfill,
}

/// <summary>A fluent chain read as the FluentMigrator expression(s) it builds: root, table, schema and columns.</summary>
internal sealed class FluentExpression
{
    private FluentExpression(FluentChain chain, FluentRoot root)
    {
        Chain = chain;
        Root = root;
    }

    public FluentChain Chain { get; }

    public FluentRoot Root { get; }

    public string? Table { get; private set; }

    public string? Schema { get; private set; }

    /// <summary>The name given to the root call (index, constraint or column name), when there is one.</summary>
    public string? Name { get; private set; }

    public IReadOnlyList<ColumnSegment> Columns { get; private set; } = new ColumnSegment[0];

    public int Position => Chain.Position;

    public Location Location => Chain.Location;

    /// <summary>Reads the chain that <paramref name="call"/> belongs to; null when its root is not a FluentMigrator expression root.</summary>
    public static FluentExpression? Parse(IInvocationOperation call, FluentMigratorSymbols symbols) => Parse(FluentChain.From(call), symbols, FluentChain.FirstString);

    /// <param name="firstString">Reads a call's first string argument (a name): constants only, or the reader's value reader.</param>
    public static FluentExpression? Parse(FluentChain chain, FluentMigratorSymbols symbols, System.Func<IInvocationOperation, string?> firstString)
    {
        var root = Classify(chain.Root.TargetMethod, symbols);
        if (root == FluentRoot.Other)
        {
            return null;
        }

        var expression = new FluentExpression(chain, root);
        var rootName = chain.Root.TargetMethod.Name;
        var rootArgument = firstString(chain.Root);
        if (rootName == "Table" || rootName == "IntoTable" || rootName == "FromTable" || root == FluentRoot.Backfill)
        {
            expression.Table = rootArgument;
        }
        else
        {
            expression.Name = rootArgument;
        }

        foreach (var call in chain.Calls)
        {
            var method = call.TargetMethod;
            if (expression.Table == null && (symbols.IsBuilderMethod(method, "OnTable") || symbols.IsBuilderMethod(method, "FromTable")))
            {
                expression.Table = firstString(call);
            }
            else if (expression.Schema == null && (symbols.IsBuilderMethod(method, "InSchema") || symbols.IsBuilderMethod(method, "WithSchema") || (root == FluentRoot.Backfill && method.Name == "InSchema")))
            {
                expression.Schema = firstString(call);
            }
        }

        expression.Columns = ReadColumns(expression, symbols, firstString);
        return expression;
    }

    /// <summary>The column whose calls include <paramref name="call"/>.</summary>
    public ColumnSegment? SegmentOf(IInvocationOperation call)
    {
        foreach (var segment in Columns)
        {
            if (ReferenceEquals(segment.Start, call) || segment.Calls.Contains(call))
            {
                return segment;
            }
        }

        return null;
    }

    public bool IsOnTable(string? table) => table != null && Table != null && string.Equals(Table, table, System.StringComparison.OrdinalIgnoreCase);

    private static FluentRoot Classify(IMethodSymbol method, FluentMigratorSymbols symbols)
    {
        var type = method.ContainingType.OriginalDefinition;
        var name = method.Name;
        if (Equal(type, symbols.CreateRoot))
        {
            return name switch
            {
                "Table" => FluentRoot.CreateTable,
                "Column" => FluentRoot.CreateColumn,
                "Index" => FluentRoot.CreateIndex,
                "ForeignKey" => FluentRoot.CreateForeignKey,
                "PrimaryKey" => FluentRoot.CreatePrimaryKey,
                "UniqueConstraint" => FluentRoot.CreateUniqueConstraint,
                _ => FluentRoot.Other,
            };
        }

        if (Equal(type, symbols.AlterRoot))
        {
            return name == "Table" ? FluentRoot.AlterTable : name == "Column" ? FluentRoot.AlterColumn : FluentRoot.Other;
        }

        if (Equal(type, symbols.DeleteRoot))
        {
            return name switch
            {
                "Table" => FluentRoot.DeleteTable,
                "Column" => FluentRoot.DeleteColumn,
                "Index" => FluentRoot.DeleteIndex,
                "ForeignKey" => FluentRoot.DeleteForeignKey,
                "PrimaryKey" => FluentRoot.DeletePrimaryKey,
                "UniqueConstraint" => FluentRoot.DeleteUniqueConstraint,
                "Schema" => FluentRoot.DeleteSchema,
                "FromTable" => FluentRoot.DeleteData,
                _ => FluentRoot.Other,
            };
        }

        if (Equal(type, symbols.RenameRoot))
        {
            return name == "Table" ? FluentRoot.RenameTable : name == "Column" ? FluentRoot.RenameColumn : FluentRoot.Other;
        }

        if (FluentMigratorSymbols.Is(method, symbols.BackfillExtensions, "Backfill"))
        {
            return FluentRoot.Backfill;
        }

        if (Equal(type, symbols.ExecuteRoot))
        {
            return name == "Sql" ? FluentRoot.ExecuteSql : name == "EmbeddedScript" ? FluentRoot.ExecuteEmbeddedScript : FluentRoot.ExecuteOther;
        }

        if (Equal(type, symbols.UpdateRoot))
        {
            return FluentRoot.UpdateData;
        }

        return Equal(type, symbols.InsertRoot) ? FluentRoot.InsertData : FluentRoot.Other;
    }

    private static IReadOnlyList<ColumnSegment> ReadColumns(FluentExpression expression, FluentMigratorSymbols symbols, System.Func<IInvocationOperation, string?> firstString)
    {
        var segments = new List<ColumnSegment>();
        var calls = expression.Chain.Calls;
        switch (expression.Root)
        {
            case FluentRoot.CreateColumn:
            case FluentRoot.AlterColumn:
                segments.Add(new ColumnSegment(expression.Name, expression.Root == FluentRoot.AlterColumn ? ColumnChange.Alter : ColumnChange.Add, calls[0], Slice(calls, 1, calls.Count), symbols));
                break;
            case FluentRoot.CreateTable:
            case FluentRoot.AlterTable:
                var start = -1;
                for (var index = 1; index <= calls.Count; index++)
                {
                    var boundary = index == calls.Count || IsColumnStart(calls[index].TargetMethod, symbols);
                    if (boundary && start >= 0)
                    {
                        var change = expression.Root == FluentRoot.CreateTable ? ColumnChange.NewTable
                            : calls[start].TargetMethod.Name == "AlterColumn" ? ColumnChange.Alter : ColumnChange.Add;
                        segments.Add(new ColumnSegment(firstString(calls[start]), change, calls[start], Slice(calls, start + 1, index), symbols));
                    }

                    if (boundary)
                    {
                        start = index;
                    }
                }

                break;
        }

        return segments;
    }

    private static bool IsColumnStart(IMethodSymbol method, FluentMigratorSymbols symbols) =>
        symbols.IsBuilderMethod(method, "WithColumn") || Is(method, symbols.AlterTableAddColumnOrAlterColumnSyntax, "AddColumn")
        || Is(method, symbols.AlterTableAddColumnOrAlterColumnSyntax, "AlterColumn");

    private static bool Is(IMethodSymbol method, INamedTypeSymbol? type, string name) => FluentMigratorSymbols.Is(method, type, name);

    private static List<IInvocationOperation> Slice(IReadOnlyList<IInvocationOperation> calls, int from, int to)
    {
        var slice = new List<IInvocationOperation>();
        for (var index = from; index < to; index++)
        {
            slice.Add(calls[index]);
        }

        return slice;
    }

    private static bool Equal(ITypeSymbol type, INamedTypeSymbol? expected) => expected != null && SymbolEqualityComparer.Default.Equals(type, expected);
}
