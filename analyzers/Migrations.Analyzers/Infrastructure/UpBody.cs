using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Migrations.Analyzers.Infrastructure;

/// <summary>
/// The invocations of one Up() body, in source order, with the fluent expressions they form: what the structure rules
/// (PGM103–PGM107) look at. The safety rules read operations instead (see Reading/MigrationReader).
/// </summary>
internal sealed class UpBody
{
    private readonly Dictionary<IInvocationOperation, FluentExpression> expressionByCall = new Dictionary<IInvocationOperation, FluentExpression>();
    private readonly Dictionary<string, List<IInvocationOperation>> invocationsByName = new Dictionary<string, List<IInvocationOperation>>(StringComparer.Ordinal);

    private UpBody(List<IInvocationOperation> invocations, List<FluentExpression> expressions)
    {
        Invocations = invocations;
        Expressions = expressions;
        foreach (var invocation in invocations)
        {
            if (!invocationsByName.TryGetValue(invocation.TargetMethod.Name, out var named))
            {
                named = new List<IInvocationOperation>();
                invocationsByName[invocation.TargetMethod.Name] = named;
            }

            named.Add(invocation);
        }

        foreach (var expression in expressions)
        {
            foreach (var call in expression.Chain.Calls)
            {
                expressionByCall[call] = expression;
            }
        }
    }

    /// <summary>Every invocation of the body (lambdas and local functions included), in source order.</summary>
    public IReadOnlyList<IInvocationOperation> Invocations { get; }

    public IReadOnlyList<FluentExpression> Expressions { get; }

    /// <summary>The invocations of methods named <paramref name="methodName"/>, in source order.</summary>
    public IReadOnlyList<IInvocationOperation> InvocationsOf(string methodName) =>
        invocationsByName.TryGetValue(methodName, out var named) ? named : (IReadOnlyList<IInvocationOperation>)Array.Empty<IInvocationOperation>();

    public static UpBody Build(UpMethod up, IEnumerable<IOperation> blocks)
    {
        var symbols = up.Compilation.Symbols;
        var invocations = new List<IInvocationOperation>();
        var expressions = new List<FluentExpression>();
        foreach (var operation in blocks.SelectMany(block => block.DescendantsAndSelf()))
        {
            if (!(operation is IInvocationOperation invocation))
            {
                continue;
            }

            invocations.Add(invocation);
            if (FluentChain.IsLastCall(invocation))
            {
                var expression = FluentExpression.Parse(invocation, symbols);
                if (expression != null)
                {
                    expressions.Add(expression);
                }
            }
        }

        invocations.Sort((left, right) => left.Syntax.SpanStart.CompareTo(right.Syntax.SpanStart));
        expressions.Sort((left, right) => left.Position.CompareTo(right.Position));
        return new UpBody(invocations, expressions);
    }

    /// <summary>The fluent expression <paramref name="call"/> is part of; null when its chain has no FluentMigrator root.</summary>
    public FluentExpression? ExpressionOf(IInvocationOperation call) => expressionByCall.TryGetValue(call, out var expression) ? expression : null;
}
