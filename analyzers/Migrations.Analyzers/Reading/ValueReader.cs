using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Migrations.Analyzers.Reading;

/// <summary>
/// Works out the text of a name or SQL argument the way the code computes it when it can be known before run time:
/// constants and nameof, locals assigned once, static readonly fields, properties returning a constant (a template
/// base class's abstract TableName, overridden by the migration), helper parameters bound at the call, string
/// concatenation and interpolation, and small helpers (<c>"Link".s()</c>) that return a text built from those.
/// Anything else is null: a name the reader reports as "(computed)".
/// </summary>
internal sealed class ValueReader
{
    private const int MaxDepth = 6;

    private readonly Compilation compilation;
    private readonly INamedTypeSymbol migrationType;
    private readonly CancellationToken cancellationToken;

    public ValueReader(Compilation compilation, INamedTypeSymbol migrationType, CancellationToken cancellationToken)
    {
        this.compilation = compilation;
        this.migrationType = migrationType;
        this.cancellationToken = cancellationToken;
    }

    public string? Text(IOperation? operation, ReadScope scope) => Text(operation, scope, 0);

    private string? Text(IOperation? operation, ReadScope scope, int depth)
    {
        if (operation == null || depth > MaxDepth)
        {
            return null;
        }

        if (operation.ConstantValue.HasValue)
        {
            return operation.ConstantValue.Value as string;
        }

        switch (operation)
        {
            case IConversionOperation conversion:
                return Text(conversion.Operand, scope, depth + 1);
            case IParenthesizedOperation parenthesized:
                return Text(parenthesized.Operand, scope, depth + 1);
            case IParameterReferenceOperation parameter when scope.ArgumentOf(parameter.Parameter) is { } argument:
                return Text(argument, scope.Caller ?? scope, depth + 1);
            case ILocalReferenceOperation local:
                return Text(SingleAssignment(local), scope, depth + 1);
            case IFieldReferenceOperation field when field.Field.IsReadOnly && field.Field.IsStatic:
                return Text(Initializer(field.Field), ReadScope.Root(null), depth + 1);
            case IPropertyReferenceOperation property when property.Property.Parameters.Length == 0:
                return Text(Getter(Implementation(property.Property, property.Instance)), ReadScope.Root(null), depth + 1);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                var left = Text(binary.LeftOperand, scope, depth + 1);
                var right = left == null ? null : Text(binary.RightOperand, scope, depth + 1);
                return right == null ? null : left + right;
            case IInterpolatedStringOperation interpolated:
                return Interpolated(interpolated, scope, depth);
            case IInvocationOperation invocation:
                return Invocation(invocation, scope, depth);
            default:
                return null;
        }
    }

    private string? Interpolated(IInterpolatedStringOperation interpolated, ReadScope scope, int depth)
    {
        var text = new StringBuilder();
        foreach (var part in interpolated.Parts)
        {
            var value = part switch
            {
                IInterpolatedStringTextOperation literal => Text(literal.Text, scope, depth + 1),
                IInterpolationOperation hole when hole.FormatString == null && hole.Alignment == null => Text(hole.Expression, scope, depth + 1),
                _ => null,
            };
            if (value == null)
            {
                return null;
            }

            text.Append(value);
        }

        return text.ToString();
    }

    private string? Invocation(IInvocationOperation invocation, ReadScope scope, int depth)
    {
        var method = invocation.TargetMethod;
        if (method.ContainingType.SpecialType == SpecialType.System_String && invocation.Instance != null)
        {
            var receiver = Text(invocation.Instance, scope, depth + 1);
            return receiver == null ? null : method.Name switch
            {
                "ToLower" or "ToLowerInvariant" when invocation.Arguments.Length == 0 => receiver.ToLowerInvariant(),
                "ToUpper" or "ToUpperInvariant" when invocation.Arguments.Length == 0 => receiver.ToUpperInvariant(),
                "Trim" when invocation.Arguments.Length == 0 => receiver.Trim(),
                _ => null,
            };
        }

        // A small helper of the project: its single returned expression, with its parameters bound to the arguments.
        var target = method.IsExtensionMethod && method.ReducedFrom != null ? method.ReducedFrom : method;
        var returned = ReturnedExpression(target);
        if (returned == null || scope.IsReading(target))
        {
            return null;
        }

        var bound = invocation.Arguments.Where(argument => argument.Parameter != null).Select(argument =>
            new System.Collections.Generic.KeyValuePair<IParameterSymbol, IOperation>(argument.Parameter!, argument.Value));
        return Text(returned, scope.Enter(target, bound, scope.Anchor), depth + 1);
    }

    /// <summary>A local's value when it is assigned exactly once, in its declaration.</summary>
    private static IOperation? SingleAssignment(ILocalReferenceOperation local)
    {
        IOperation root = local;
        while (root.Parent != null)
        {
            root = root.Parent;
        }

        IOperation? initializer = null;
        foreach (var operation in root.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local.Local):
                    initializer = declarator.Initializer?.Value;
                    break;
                case IAssignmentOperation assignment when assignment.Target is ILocalReferenceOperation target && SymbolEqualityComparer.Default.Equals(target.Local, local.Local):
                    return null;
            }
        }

        return initializer;
    }

    private IOperation? Initializer(IFieldSymbol field)
    {
        foreach (var reference in field.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer: { } initializer })
            {
                return Model(initializer.SyntaxTree)?.GetOperation(initializer.Value, cancellationToken);
            }
        }

        return null;
    }

    /// <summary>The override the migration's own type would call (a template base class's abstract property).</summary>
    private IPropertySymbol Implementation(IPropertySymbol property, IOperation? instance)
    {
        if (!(property.IsVirtual || property.IsAbstract || property.IsOverride) || !(instance is IInstanceReferenceOperation))
        {
            return property;
        }

        for (var type = migrationType; type != null; type = type.BaseType)
        {
            foreach (var member in type.GetMembers(property.Name).OfType<IPropertySymbol>())
            {
                for (var overridden = (IPropertySymbol?)member; overridden != null; overridden = overridden.OverriddenProperty)
                {
                    if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, property.OriginalDefinition))
                    {
                        return member;
                    }
                }
            }
        }

        return property;
    }

    private IOperation? Getter(IPropertySymbol property)
    {
        foreach (var reference in property.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken) as PropertyDeclarationSyntax;
            var expression = syntax?.ExpressionBody?.Expression
                ?? syntax?.Initializer?.Value
                ?? SingleReturn(syntax?.AccessorList?.Accessors.FirstOrDefault(accessor => accessor.Keyword.Text == "get"));
            if (expression != null)
            {
                return Model(expression.SyntaxTree)?.GetOperation(expression, cancellationToken);
            }
        }

        return null;
    }

    private IOperation? ReturnedExpression(IMethodSymbol method)
    {
        if (method.IsAbstract || !SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, compilation.Assembly) || method.ReturnType.SpecialType != SpecialType.System_String)
        {
            return null;
        }

        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken) as MethodDeclarationSyntax;
            var expression = syntax?.ExpressionBody?.Expression ?? SingleReturn(syntax?.Body);
            if (expression != null)
            {
                return Model(expression.SyntaxTree)?.GetOperation(expression, cancellationToken);
            }
        }

        return null;
    }

    private static ExpressionSyntax? SingleReturn(AccessorDeclarationSyntax? accessor) =>
        accessor?.ExpressionBody?.Expression ?? SingleReturn(accessor?.Body);

    private static ExpressionSyntax? SingleReturn(BlockSyntax? block) =>
        block != null && block.Statements.Count == 1 && block.Statements[0] is ReturnStatementSyntax { Expression: { } returned } ? returned : null;

    private SemanticModel? Model(SyntaxTree tree) =>
        compilation.ContainsSyntaxTree(tree) ? SemanticModels.Get(compilation, tree) : null;
}
