using System;
using System.Collections.Generic;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Text;
using Migrations.Analyzers.CodeFixes.Infrastructure;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;
using Migrations.Safety.Sql;

namespace Migrations.Analyzers.CodeFixes.Rules;

/// <summary>
/// PGM014: a whole-table UPDATE (<c>Update.Table(t).Set(new { … }).AllRows()</c>, or one literal UPDATE in
/// <c>Execute.Sql</c>) becomes <c>Execute.Backfill(t).Set("…")</c>, run by the bundle in short batches. A whole-table
/// DELETE gets no fix: a backfill's Delete() requires a condition, so that emptying a table stays a visible decision.
/// Offered only where the rewrite is mechanical: constant values, and the data change as
/// the only statement of Up() (a backfill needs TransactionBehavior.None, which the fix sets; other statements would lose
/// their transaction with it), in a project that references the bundle's runtime.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WholeTableDataChangeFixer)), Shared]
public sealed class WholeTableDataChangeFixer : MigrationCodeFixProvider<InvocationExpressionSyntax>
{
    private const string BackfillNamespace = "Migrations.Runtime.Backfill";

    public WholeTableDataChangeFixer()
        : base(RuleIds.WholeTableDataChange, "Run it as a batched backfill (Execute.Backfill)")
    {
    }

    private protected override InvocationExpressionSyntax? FindNode(SyntaxNode root, TextSpan span)
    {
        var node = root.FindNode(span, getInnermostNodeForTie: true);
        var statement = (SyntaxNode?)node.FirstAncestorOrSelf<ExpressionStatementSyntax>() ?? node.FirstAncestorOrSelf<ArrowExpressionClauseSyntax>();
        return statement switch
        {
            ExpressionStatementSyntax { Expression: InvocationExpressionSyntax chain } => chain,
            ArrowExpressionClauseSyntax { Expression: InvocationExpressionSyntax chain } => chain,
            _ => null,
        };
    }

    private protected override Func<CancellationToken, Task<Document>>? CreateFix(FixTarget<InvocationExpressionSyntax> target)
    {
        var type = target.Node.FirstAncestorOrSelf<ClassDeclarationSyntax>();
        var attribute = type == null ? null : MigrationAttributeEditor.Find(type, target.Model);
        if (attribute == null || !OnlyStatementOfUp(type!, target.Node) || WellKnownTypes.Of(target.Model.Compilation).Get(BackfillNamespace + ".BackfillExtensions") == null)
        {
            return null;
        }

        var backfill = Backfill(target.Node, target.Model);
        if (backfill == null)
        {
            return null;
        }

        return _ =>
        {
            var editor = new SyntaxEditor(target.Root, target.Document.Project.Solution.Workspace.Services);
            editor.ReplaceNode(target.Node, SyntaxFactory.ParseExpression(backfill).WithTriviaFrom(target.Node));
            editor.ReplaceNode(attribute.Value.Attribute, MigrationAttributeEditor.WithoutTransaction(attribute.Value.Attribute, attribute.Value.Constructor));
            var root = UsingDirectives.Ensure((CompilationUnitSyntax)editor.GetChangedRoot(), BackfillNamespace);
            return Task.FromResult(target.Document.WithSyntaxRoot(root));
        };
    }

    /// <summary>The backfill's C# for the chain, or null when the chain is not a shape the fix rewrites exactly.</summary>
    private static string? Backfill(InvocationExpressionSyntax chain, SemanticModel model)
    {
        var calls = FluentCalls(chain, out var root);
        var rootName = root is IdentifierNameSyntax identifier && model.GetSymbolInfo(identifier).Symbol is IPropertySymbol property
            && property.ContainingType.ContainingNamespace.ToDisplayString().StartsWith("FluentMigrator", StringComparison.Ordinal)
            ? identifier.Identifier.ValueText
            : null;
        var names = calls.Select(call => call.Name).ToList();
        switch (rootName)
        {
            case "Execute" when names.SequenceEqual(new[] { "Sql" }) && calls[0].Arguments.Count == 1:
                return model.GetConstantValue(calls[0].Arguments[0].Expression).Value is string sql && BatchableDataChange.Parse(sql) is { } change
                    ? Write(change.Schema, change.Table, change.Assignments, change.Condition)
                    : null;
            case "Update" when names.SequenceEqual(new[] { "Table", "Set", "AllRows" }) || names.SequenceEqual(new[] { "Table", "InSchema", "Set", "AllRows" }):
                var assignments = Assignments(calls[names.IndexOf("Set")], model);
                return assignments == null ? null : Write(Schema(calls, model), Constant(calls[0], model), assignments, null);
            default:
                return null;
        }
    }

    private static string? Write(string? schema, string? table, string? assignments, string? condition)
    {
        if (table == null)
        {
            return null;
        }

        var code = "Execute.Backfill(" + Literal(table) + ")";
        code += schema == null ? string.Empty : ".InSchema(" + Literal(schema) + ")";
        code += assignments == null ? ".Delete()" : ".Set(" + Literal(assignments) + ")";
        return code + (condition == null ? string.Empty : ".Where(" + Literal(condition) + ")");
    }

    /// <summary><c>new { stage = "new", priority = 0 }</c> as SQL, the way FluentMigrator renders it; null for a value that is not a constant.</summary>
    private static string? Assignments(FluentCall set, SemanticModel model)
    {
        if (set.Arguments.Count != 1 || set.Arguments[0].Expression is not AnonymousObjectCreationExpressionSyntax values)
        {
            return null;
        }

        var parts = new List<string>();
        foreach (var member in values.Initializers)
        {
            var name = member.NameEquals?.Name.Identifier.ValueText ?? (member.Expression as IdentifierNameSyntax)?.Identifier.ValueText;
            var value = SqlValue(member.Expression, model);
            if (name == null || value == null)
            {
                return null;
            }

            parts.Add(QuotedIdentifier(name) + " = " + value);
        }

        return parts.Count == 0 ? null : string.Join(", ", parts);
    }

    private static string? SqlValue(ExpressionSyntax expression, SemanticModel model)
    {
        // RawSql.Insert("now()") is FluentMigrator's way to write SQL as the value.
        if (expression is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 1 } invocation
            && model.GetSymbolInfo(invocation).Symbol is IMethodSymbol { Name: "Insert", ContainingType.Name: "RawSql" })
        {
            return model.GetConstantValue(invocation.ArgumentList.Arguments[0].Expression).Value as string;
        }

        var constant = model.GetConstantValue(expression);
        if (!constant.HasValue)
        {
            return null;
        }

        return constant.Value switch
        {
            null => "NULL",
            string text => "'" + text.Replace("'", "''") + "'",
            char character => "'" + (character == '\'' ? "''" : character.ToString()) + "'",
            bool flag => flag ? "TRUE" : "FALSE",
            IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
            _ => null,
        };
    }

    /// <summary>FluentMigrator quotes every column name it renders; so does the fix, and keeps the name exactly.</summary>
    private static string QuotedIdentifier(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";

    private static string? Schema(IReadOnlyList<FluentCall> calls, SemanticModel model)
    {
        var inSchema = calls.FirstOrDefault(call => call.Name == "InSchema");
        return inSchema == null ? null : Constant(inSchema, model);
    }

    private static string? Constant(FluentCall call, SemanticModel model) =>
        call.Arguments.Count == 1 ? model.GetConstantValue(call.Arguments[0].Expression).Value as string : null;

    private static string Literal(string text) => SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text)).ToString();

    private static bool OnlyStatementOfUp(ClassDeclarationSyntax type, InvocationExpressionSyntax chain)
    {
        var statements = UpStatements.Of(type);
        return statements.Count == 1 && statements[0].Span.Contains(chain.Span) && statements[0].SyntaxTree == chain.SyntaxTree;
    }

    /// <summary>The calls of a fluent chain from its root on: <c>Update.Table("t").Set(…).AllRows()</c> → Table, Set, AllRows.</summary>
    private static List<FluentCall> FluentCalls(InvocationExpressionSyntax chain, out ExpressionSyntax root)
    {
        var calls = new List<FluentCall>();
        ExpressionSyntax current = chain;
        while (current is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } invocation)
        {
            calls.Insert(0, new FluentCall(member.Name.Identifier.ValueText, invocation.ArgumentList.Arguments));
            current = member.Expression;
        }

        root = current;
        return calls;
    }

    private sealed class FluentCall
    {
        public FluentCall(string name, SeparatedSyntaxList<ArgumentSyntax> arguments)
        {
            Name = name;
            Arguments = arguments;
        }

        public string Name { get; }

        public SeparatedSyntaxList<ArgumentSyntax> Arguments { get; }
    }
}
