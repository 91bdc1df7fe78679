using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Migrations.Analyzers.CodeFixes;

/// <summary>Sets TransactionBehavior.None on a class's [Migration]/[Maintenance] attribute (or one derived from them).</summary>
internal static class MigrationAttributeEditor
{
    private static readonly ExpressionSyntax None = SyntaxFactory.ParseExpression("TransactionBehavior.None");

    /// <summary>The attribute that declares the migration, with the constructor it binds to.</summary>
    public static (AttributeSyntax Attribute, IMethodSymbol Constructor)? Find(ClassDeclarationSyntax type, SemanticModel model)
    {
        foreach (var attribute in type.AttributeLists.SelectMany(list => list.Attributes))
        {
            if (model.GetSymbolInfo(attribute).Symbol is IMethodSymbol constructor && IsMigrationAttribute(constructor.ContainingType))
            {
                return (attribute, constructor);
            }
        }

        return null;
    }

    public static AttributeSyntax WithoutTransaction(AttributeSyntax attribute, IMethodSymbol constructor)
    {
        var arguments = attribute.ArgumentList?.Arguments ?? default;
        for (var index = 0; index < arguments.Count; index++)
        {
            var argument = arguments[index];
            var parameter = argument.NameColon?.Name.Identifier.ValueText
                ?? (argument.NameEquals == null && index < constructor.Parameters.Length ? constructor.Parameters[index].Name : null);
            if (parameter == "transactionBehavior")
            {
                return attribute.ReplaceNode(argument.Expression, None.WithTriviaFrom(argument.Expression));
            }
        }

        // [Migration(v)] / [Maintenance(stage)] gain the argument; [Migration(v, "description")] becomes (v, None, "description").
        var none = SyntaxFactory.AttributeArgument(None);
        var list = attribute.ArgumentList ?? SyntaxFactory.AttributeArgumentList();
        var updated = list.Arguments.Count == 0 ? list.Arguments.Add(none) : list.Arguments.Insert(1, none);
        return attribute.WithArgumentList(list.WithArguments(updated));
    }

    private static bool IsMigrationAttribute(INamedTypeSymbol? type)
    {
        for (var current = type; current != null; current = current.BaseType)
        {
            if (current.ContainingNamespace?.ToDisplayString() == "FluentMigrator" && (current.Name == "MigrationAttribute" || current.Name == "MaintenanceAttribute"))
            {
                return true;
            }
        }

        return false;
    }
}
