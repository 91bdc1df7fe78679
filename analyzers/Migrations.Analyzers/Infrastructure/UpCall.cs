using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Migrations.Analyzers.Infrastructure;

/// <summary>One invocation inside an analysed Up(), with what rules need to judge it.</summary>
internal sealed class UpCall
{
    private readonly Action<Diagnostic> report;

    public UpCall(Action<Diagnostic> report, IInvocationOperation invocation, UpMethod up, UpBody body)
    {
        this.report = report;
        Invocation = invocation;
        Up = up;
        Body = body;
    }

    /// <summary>The model of the Up() this call is in.</summary>
    public UpBody Body { get; }

    public IInvocationOperation Invocation { get; }

    public UpMethod Up { get; }

    public IMethodSymbol Method => Invocation.TargetMethod;

    public MigrationCompilation Compilation => Up.Compilation;

    public FluentMigratorSymbols Symbols => Up.Compilation.Symbols;

    public MigrationClass Migration => Up.Migration;

    public bool Is(INamedTypeSymbol? type, string name) => FluentMigratorSymbols.Is(Method, type, name);

    /// <summary>The expression this call belongs to, parsed once per Up() and shared by every analyzer.</summary>
    public FluentExpression? Expression() => Body.ExpressionOf(Invocation);

    public void Report(string ruleId, Location location, params object?[] arguments) =>
        Compilation.Report(report, Up.Method, ruleId, location, arguments);
}
