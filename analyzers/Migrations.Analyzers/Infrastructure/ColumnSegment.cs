using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Migrations.Analyzers.Infrastructure;

internal enum ColumnChange
{
    /// <summary>A column of Create.Table.</summary>
    NewTable,

    /// <summary>Create.Column or Alter.Table(..).AddColumn: ALTER TABLE … ADD.</summary>
    Add,

    /// <summary>Alter.Column or Alter.Table(..).AlterColumn: ALTER TABLE … ALTER … TYPE.</summary>
    Alter,
}

/// <summary>One column of a fluent expression and the calls that describe it (type, nullability, default, keys …).</summary>
internal sealed class ColumnSegment
{
    private readonly FluentMigratorSymbols symbols;

    public ColumnSegment(string? name, ColumnChange change, IInvocationOperation start, IReadOnlyList<IInvocationOperation> calls, FluentMigratorSymbols symbols)
    {
        Name = name;
        Change = change;
        Start = start;
        Calls = calls;
        this.symbols = symbols;
    }

    public string? Name { get; }

    public ColumnChange Change { get; }

    /// <summary>WithColumn / AddColumn / AlterColumn / Create.Column / Alter.Column.</summary>
    public IInvocationOperation Start { get; }

    public IReadOnlyList<IInvocationOperation> Calls { get; }

    public IInvocationOperation? TypeCall => Find(call => SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType.OriginalDefinition, symbols.ColumnTypeSyntax));

    public string? PostgresType => TypeCall == null ? null : ColumnTypes.ToPostgres(TypeCall);

    /// <summary>Explicit nullability: true after Nullable(), false after NotNullable(), null when not stated.</summary>
    public bool? Nullable
    {
        get
        {
            bool? nullable = null;
            foreach (var call in Calls)
            {
                if (IsOption(call, "Nullable"))
                {
                    nullable = true;
                }
                else if (IsOption(call, "NotNullable"))
                {
                    nullable = false;
                }
            }

            return nullable;
        }
    }

    /// <summary>FluentMigrator's generators emit NOT NULL for a new column unless Nullable() is called.</summary>
    public bool IsNotNullWhenAdded => Nullable != true;

    public IInvocationOperation? Option(string name) => Find(call => IsOption(call, name));

    public bool HasOption(string name) => Option(name) != null;

    public IInvocationOperation? SetExistingRowsTo => Find(call =>
        FluentMigratorSymbols.Is(call.TargetMethod, symbols.AlterTableColumnOptionSyntax, "SetExistingRowsTo")
        || FluentMigratorSymbols.Is(call.TargetMethod, symbols.CreateColumnOptionSyntax, "SetExistingRowsTo"));

    public IInvocationOperation? PostgresIdentity => Find(call => symbols.IsPostgresExtension(call.TargetMethod, "Identity"));

    public IInvocationOperation? SqlServerIdentity => Find(call => FluentMigratorSymbols.Is(call.TargetMethod, symbols.SqlServerExtensions, "Identity"));

    /// <summary>WithDefault / WithDefaultValue with a non-null value.</summary>
    public IInvocationOperation? Default => Find(call =>
        IsOption(call, "WithDefault")
        || (IsOption(call, "WithDefaultValue") && !(call.Arguments.Length > 0 && call.Arguments[0].Value.ConstantValue.HasValue && call.Arguments[0].Value.ConstantValue.Value == null)));

    public bool IsIdentity => HasOption("Identity") || PostgresIdentity != null || SqlServerIdentity != null
        || (PostgresType != null && PostgresType.EndsWith("serial", System.StringComparison.OrdinalIgnoreCase));

    public bool IsOption(IInvocationOperation call, string name) => FluentMigratorSymbols.Is(call.TargetMethod, symbols.ColumnOptionSyntax, name);

    private IInvocationOperation? Find(System.Func<IInvocationOperation, bool> match)
    {
        foreach (var call in Calls)
        {
            if (match(call))
            {
                return call;
            }
        }

        return null;
    }
}
