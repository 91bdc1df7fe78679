using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Migrations.Analyzers.Infrastructure;

/// <summary>
/// The invocations of one Up() body, in source order, with the fluent expressions they form: what the structure rules
/// (PGM103–PGM107) look at. The safety rules read operations instead (see Reading/MigrationReader).
/// </summary>
internal sealed class UpBody
{
    // Parsed on first use: the structure rules ask for the expression of a few rare calls (IfDatabase, WithConnection …),
    // and parsing every chain of every Up() up front was most of their cost on a 2,000-migration build.
    private readonly Lazy<Dictionary<IInvocationOperation, FluentExpression>> expressionByCall;

    private UpBody(List<IInvocationOperation> invocations, FluentMigratorSymbols symbols)
    {
        Invocations = invocations;
        expressionByCall = new Lazy<Dictionary<IInvocationOperation, FluentExpression>>(() => Parse(invocations, symbols), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Every invocation of the body (lambdas and local functions included), in source order.</summary>
    public IReadOnlyList<IInvocationOperation> Invocations { get; }

    /// <summary>
    /// The invocations of methods named <paramref name="methodName"/>, in source order. A scan: the names asked for are
    /// a few rare ones, and an index of every name of every Up() cost more than the scans it saved.
    /// </summary>
    public IReadOnlyList<IInvocationOperation> InvocationsOf(string methodName)
    {
        List<IInvocationOperation>? named = null;
        foreach (var invocation in Invocations)
        {
            if (string.Equals(invocation.TargetMethod.Name, methodName, StringComparison.Ordinal))
            {
                (named ??= new List<IInvocationOperation>()).Add(invocation);
            }
        }

        return named ?? (IReadOnlyList<IInvocationOperation>)Array.Empty<IInvocationOperation>();
    }

    public static UpBody Build(UpMethod up, IEnumerable<IOperation> blocks)
    {
        var invocations = blocks.SelectMany(block => block.DescendantsAndSelf()).OfType<IInvocationOperation>().ToList();
        invocations.Sort((left, right) => left.Syntax.SpanStart.CompareTo(right.Syntax.SpanStart));
        return new UpBody(invocations, up.Compilation.Symbols);
    }

    /// <summary>The fluent expression <paramref name="call"/> is part of; null when its chain has no FluentMigrator root.</summary>
    public FluentExpression? ExpressionOf(IInvocationOperation call) => expressionByCall.Value.TryGetValue(call, out var expression) ? expression : null;

    private static Dictionary<IInvocationOperation, FluentExpression> Parse(List<IInvocationOperation> invocations, FluentMigratorSymbols symbols)
    {
        var expressionByCall = new Dictionary<IInvocationOperation, FluentExpression>();
        foreach (var invocation in invocations)
        {
            if (FluentChain.IsLastCall(invocation) && FluentExpression.Parse(invocation, symbols) is { } expression)
            {
                foreach (var call in expression.Chain.Calls)
                {
                    expressionByCall[call] = expression;
                }
            }
        }

        return expressionByCall;
    }
}
