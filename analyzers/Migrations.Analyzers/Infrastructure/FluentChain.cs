using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Migrations.Analyzers.Infrastructure;

/// <summary>
/// One fluent expression such as <c>Create.Index("ix").OnTable("t").OnColumn("c")</c>: its calls in order,
/// extension methods (PostgresExtensions.AsConcurrently …) included.
/// </summary>
internal sealed class FluentChain
{
    private FluentChain(List<IInvocationOperation> calls)
    {
        Calls = calls;
    }

    public IReadOnlyList<IInvocationOperation> Calls { get; }

    public IInvocationOperation Root => Calls[0];

    public IInvocationOperation Last => Calls[Calls.Count - 1];

    /// <summary>The whole expression: where chain-level diagnostics go.</summary>
    public Location Location => Last.Syntax.GetLocation();

    public int Position => Root.Syntax.SpanStart;

    public static FluentChain From(IInvocationOperation call)
    {
        var calls = new List<IInvocationOperation>();
        for (var current = call; current != null; current = Receiver(current))
        {
            calls.Add(current);
        }

        calls.Reverse();
        for (var current = Consumer(call); current != null; current = Consumer(current))
        {
            calls.Add(current);
        }

        return new FluentChain(calls);
    }

    /// <summary>A chain that goes on after <paramref name="inner"/> returned its builder (from a helper method).</summary>
    public static FluentChain Splice(FluentChain inner, IEnumerable<IInvocationOperation> continuation) =>
        new FluentChain(inner.Calls.Concat(continuation).ToList());

    /// <summary>True when no later call of a chain consumes this invocation's result.</summary>
    public static bool IsLastCall(IInvocationOperation call) => Consumer(call) == null;

    public IInvocationOperation? Find(Func<IMethodSymbol, bool> match)
    {
        foreach (var call in Calls)
        {
            if (match(call.TargetMethod))
            {
                return call;
            }
        }

        return null;
    }

    public int IndexOf(IInvocationOperation call)
    {
        for (var index = 0; index < Calls.Count; index++)
        {
            if (ReferenceEquals(Calls[index], call))
            {
                return index;
            }
        }

        return -1;
    }

    /// <summary>The constant value of the argument bound to the parameter named <paramref name="parameterName"/>, if any.</summary>
    public static object? Argument(IInvocationOperation call, string parameterName)
    {
        foreach (var argument in call.Arguments)
        {
            if (argument.Parameter?.Name == parameterName && argument.Value.ConstantValue.HasValue)
            {
                return argument.Value.ConstantValue.Value;
            }
        }

        return null;
    }

    /// <summary>The first string constant among the arguments that are not the extension-method receiver.</summary>
    public static string? FirstString(IInvocationOperation call)
    {
        var skip = call.TargetMethod.IsExtensionMethod ? 1 : 0;
        for (var index = skip; index < call.Arguments.Length; index++)
        {
            var value = call.Arguments[index].Value.ConstantValue;
            if (value.HasValue && value.Value is string text)
            {
                return text;
            }
        }

        return null;
    }

    public static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    private static IInvocationOperation? Receiver(IInvocationOperation call)
    {
        var receiver = call.Instance ?? (call.TargetMethod.IsExtensionMethod && call.Arguments.Length > 0 ? call.Arguments[0].Value : null);
        return receiver == null ? null : Unwrap(receiver) as IInvocationOperation;
    }

    private static IInvocationOperation? Consumer(IInvocationOperation call)
    {
        IOperation current = call;
        while (current.Parent is IConversionOperation conversion)
        {
            current = conversion;
        }

        switch (current.Parent)
        {
            case IInvocationOperation parent when parent.Instance == current:
                return parent;
            case IArgumentOperation argument when argument.Parent is IInvocationOperation extension
                && extension.TargetMethod.IsExtensionMethod && extension.Arguments.Length > 0 && extension.Arguments[0] == argument:
                return extension;
            default:
                return null;
        }
    }
}
