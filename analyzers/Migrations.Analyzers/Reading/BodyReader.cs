using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Model;
using Migrations.Safety.Sql;
using Operation = Migrations.Safety.Model.Operation;

namespace Migrations.Analyzers.Reading;

/// <summary>
/// Reads method bodies into operations, in the order they run: fluent expressions, Execute.Sql texts, and the code of
/// the project they call — a base class's Up() calling an abstract method the migration overrides, private helpers,
/// extension methods over FluentMigrator's syntax, helpers in other classes — with each helper's parameters bound to
/// the call's arguments. Branches guarded by IfDatabase for another database are skipped, as FluentMigrator does.
/// What cannot be read (SQL built at run time, code outside the project) is noted as unseen.
/// </summary>
internal sealed class BodyReader
{
    private const int MaxDepth = 8;

    private readonly MigrationCompilation compilation;
    private readonly MigrationClass migration;
    private readonly OperationNumbering numbering;
    private readonly ValueReader values;
    private readonly CancellationToken cancellationToken;
    // A skipped place is a span of one file: a helper in another file has code at the same offsets that runs.
    private readonly List<(SyntaxTree Tree, TextSpan Span)> skipped = new List<(SyntaxTree Tree, TextSpan Span)>();

    public BodyReader(MigrationCompilation compilation, MigrationClass migration, OperationNumbering numbering, CancellationToken cancellationToken)
    {
        this.compilation = compilation;
        this.migration = migration;
        this.numbering = numbering;
        this.cancellationToken = cancellationToken;
        values = new ValueReader(compilation.Compilation, migration.Type, cancellationToken);
    }

    public List<Operation> Operations { get; } = new List<Operation>();

    public List<string> Unseen { get; } = new List<string>();

    /// <summary>The methods whose code was read, for [AllowUnsafe] on them to count.</summary>
    public List<IMethodSymbol> Read { get; } = new List<IMethodSymbol>();

    private FluentMigratorSymbols Symbols => compilation.Symbols;

    public void ReadMethod(IMethodSymbol method, ReadScope scope)
    {
        // The scope entered for this method already names it: recursion is a call to a method read further up.
        if (scope.Depth > MaxDepth || scope.Caller?.IsReading(method) == true)
        {
            return;
        }

        var body = BodyOf(method);
        if (body == null)
        {
            return;
        }

        Read.Add(method);
        var operation = SemanticModels.Get(compilation.Compilation, body.SyntaxTree).GetOperation(body, cancellationToken);
        if (operation == null)
        {
            return;
        }

        var invocations = operation.DescendantsAndSelf().OfType<IInvocationOperation>().OrderBy(invocation => invocation.Syntax.SpanStart).ToList();
        // Only calls inside a switch section or an if can be alternatives: comparing every pair of calls grows with the
        // square of a body's calls (0.9 s of CPU on a 2,000-migration build, profiled).
        var branched = new List<IInvocationOperation>();
        foreach (var invocation in invocations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (IsSkipped(invocation.Syntax))
            {
                continue;
            }

            if (Branches.IsInBranch(invocation.Syntax))
            {
                // switch (kind) { case A: Upgrade(); return; default: Other(); Upgrade(); return; }: the same call in
                // two branches of which only one runs is one call, not two in a row.
                if (branched.Any(earlier => Branches.AreAlternatives(earlier.Syntax, invocation.Syntax) && Branches.SameCall(earlier.Syntax, invocation.Syntax)))
                {
                    Skip(invocation.Syntax);
                    continue;
                }

                branched.Add(invocation);
            }

            Visit(invocation, scope);
        }
    }

    private void Visit(IInvocationOperation invocation, ReadScope scope)
    {
        var method = invocation.TargetMethod;
        if (DatabaseGuard.Excludes(invocation, Symbols, values, scope))
        {
            // IfDatabase("SqlServer").…: FluentMigrator runs none of it on PostgreSQL, lambdas included.
            Skip(Outermost(invocation).Syntax);
            return;
        }

        if (FluentChain.IsLastCall(invocation))
        {
            var chain = FluentChain.From(invocation);
            var expression = FluentExpression.Parse(chain, Symbols, call => FirstText(call, scope));
            if (expression != null)
            {
                AddExpression(expression, scope, _ => scope);
                return;
            }

            if (chain.Calls.Count > 1 && ReadContinuedHelper(chain, scope))
            {
                return;
            }
        }

        if (IsSchemaQuery(method))
        {
            Unseen.Add("Schema." + method.ContainingType.Name + "…" + method.Name + "() asks the live database");
            return;
        }

        if (FollowsInto(invocation) is { } target)
        {
            var bound = invocation.Arguments.Where(argument => argument.Parameter != null)
                .Select(argument => new KeyValuePair<IParameterSymbol, IOperation>(argument.Parameter!, argument.Value));
            ReadMethod(target, scope.Enter(target, bound, AnchorFor(target, invocation, scope)));
        }
        else if (TouchesFluentMigrator(method))
        {
            Unseen.Add("a call to " + method.ContainingType.Name + "." + method.Name + "(), whose code is not in this project");
        }
    }

    /// <summary>
    /// Create.TableForModel("History").WithColumn("Date")…: a helper of the project returns FluentMigrator's builder and
    /// the caller goes on with it. The expression is the helper's returned chain followed by the caller's calls, each
    /// call's arguments read in its own method's scope.
    /// </summary>
    private bool ReadContinuedHelper(FluentChain chain, ReadScope scope)
    {
        if (FollowsInto(chain.Root) is not { } helper || BodyOf(helper) is not { } body || Returned(body) is not { } returned)
        {
            return false;
        }

        var bound = chain.Root.Arguments.Where(argument => argument.Parameter != null)
            .Select(argument => new KeyValuePair<IParameterSymbol, IOperation>(argument.Parameter!, argument.Value));
        var inner = scope.Enter(helper, bound, AnchorFor(helper, chain.Root, scope));
        System.Func<SyntaxNode, ReadScope> scopeOf = node => body.Span.Contains(node.Span) && node.SyntaxTree == body.SyntaxTree ? inner : scope;
        var spliced = FluentChain.Splice(FluentChain.From(returned), chain.Calls.Skip(1));
        var expression = FluentExpression.Parse(spliced, Symbols, call => FirstText(call, scopeOf(call.Syntax)));
        if (expression == null)
        {
            return false;
        }

        Read.Add(helper);
        // The helper's call itself is now read: the visit of the inner invocation must not read the helper again.
        Skip(chain.Root.Syntax);
        AddExpression(expression, inner.Anchor == null ? scope : inner, scopeOf);
        return true;
    }

    /// <summary>The invocation a helper returns: its expression body, or its one return statement.</summary>
    private IInvocationOperation? Returned(SyntaxNode body)
    {
        var returned = body switch
        {
            ArrowExpressionClauseSyntax arrow => arrow.Expression,
            BlockSyntax { Statements: { Count: 1 } statements } when statements[0] is ReturnStatementSyntax { Expression: { } value } => value,
            _ => null,
        };
        return returned == null ? null : FluentChain.Unwrap(SemanticModels.Get(compilation.Compilation, body.SyntaxTree).GetOperation(returned, cancellationToken)!) as IInvocationOperation;
    }

    private void AddExpression(FluentExpression expression, ReadScope scope, System.Func<SyntaxNode, ReadScope> scopeOf)
    {
        switch (expression.Root)
        {
            case FluentRoot.ExecuteSql:
                var argument = expression.Chain.Root.Arguments.FirstOrDefault();
                var sql = argument == null ? null : values.Text(argument.Value, scopeOf(argument.Syntax));
                if (sql == null)
                {
                    Unseen.Add("Execute.Sql with SQL built at run time");
                    return;
                }

                var location = scope.Anchor ?? argument!.Value.Syntax.GetLocation();
                Operations.AddRange(SqlOperationReader.Read(sql, numbering, singleCommand: true, source: (_, _) => location));
                return;
            case FluentRoot.ExecuteEmbeddedScript:
                var script = ReadAdditionalFile(FirstText(expression.Chain.Root, scopeOf(expression.Chain.Root.Syntax)));
                if (script == null)
                {
                    Unseen.Add("an embedded script that is not an AdditionalFile of the project");
                    return;
                }

                var scriptLocation = scope.Anchor ?? expression.Chain.Root.Arguments.FirstOrDefault()?.Value.Syntax.GetLocation() ?? expression.Location;
                Operations.AddRange(SqlOperationReader.Read(script, numbering, singleCommand: true, source: (_, _) => scriptLocation));
                return;
            case FluentRoot.ExecuteOther:
                Unseen.Add("Execute." + expression.Chain.Root.TargetMethod.Name + "(…), whose SQL is only known when it runs");
                return;
            default:
                new FluentOperations(Symbols, numbering, value => values.Text(value, scopeOf(value.Syntax)), scope.Anchor, Operations).Add(expression);
                return;
        }
    }

    /// <summary>The method a call of the project's own code runs: the override the migration would dispatch to.</summary>
    private IMethodSymbol? FollowsInto(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.MethodKind == MethodKind.LocalFunction || method.MethodKind == MethodKind.AnonymousFunction)
        {
            // Their bodies are part of the one being read.
            return null;
        }

        var target = method.ReducedFrom ?? method;
        // base.Up() runs the base class's code, not the override: only this.M() and M() dispatch virtually.
        var viaBase = invocation.Instance?.Syntax is BaseExpressionSyntax;
        if ((target.IsVirtual || target.IsAbstract || target.IsOverride) && !viaBase && (invocation.Instance is IInstanceReferenceOperation || invocation.Instance == null))
        {
            target = Override(target) ?? target;
        }

        return SymbolEqualityComparer.Default.Equals(target.ContainingAssembly, compilation.Compilation.Assembly) && !target.IsAbstract ? target : null;
    }

    private IMethodSymbol? Override(IMethodSymbol method)
    {
        for (var type = migration.Type; type != null; type = type.BaseType)
        {
            foreach (var member in type.GetMembers(method.Name).OfType<IMethodSymbol>())
            {
                for (var overridden = (IMethodSymbol?)member; overridden != null; overridden = overridden.OverriddenMethod)
                {
                    if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, method.OriginalDefinition) && !member.IsAbstract)
                    {
                        return member;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Code of the migration class itself is shown where it is; code elsewhere (a base class, a helper class) at the call
    /// in the migration that led to it, or at the class when the migration has no such call (an inherited Up()).
    /// </summary>
    private Location? AnchorFor(IMethodSymbol target, IInvocationOperation call, ReadScope scope)
    {
        if (IsInMigration(target))
        {
            return null;
        }

        return scope.Anchor ?? Locations.Call(call);
    }

    public bool IsInMigration(IMethodSymbol method)
    {
        for (var type = method.ContainingType; type != null; type = type.ContainingType)
        {
            if (SymbolEqualityComparer.Default.Equals(type, migration.Type))
            {
                return true;
            }
        }

        return false;
    }

    private string? FirstText(IInvocationOperation call, ReadScope scope)
    {
        var skip = call.TargetMethod.IsExtensionMethod ? 1 : 0;
        for (var index = skip; index < call.Arguments.Length; index++)
        {
            var argument = call.Arguments[index];
            if (argument.Value.Type?.SpecialType == SpecialType.System_String || argument.Parameter?.Type.SpecialType == SpecialType.System_String)
            {
                return values.Text(argument.Value, scope);
            }
        }

        return null;
    }

    private bool IsSchemaQuery(IMethodSymbol method) =>
        method.Name == "Exists" && SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, Symbols.AbstractionsAssembly);

    /// <summary>A method outside the project that is handed FluentMigrator's expression roots or the migration: it may add expressions.</summary>
    private bool TouchesFluentMigrator(IMethodSymbol method)
    {
        if (SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, Symbols.AbstractionsAssembly)
            || (Symbols.MigrationBase.ContainingAssembly is { } core && SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, core))
            || SymbolEqualityComparer.Default.Equals(method.ContainingType, Symbols.PostgresExtensions)
            || SymbolEqualityComparer.Default.Equals(method.ContainingType, Symbols.BackfillExtensions)
            || SymbolEqualityComparer.Default.Equals(method.ContainingType, Symbols.SqlServerExtensions))
        {
            return false;
        }

        return method.Parameters.Any(parameter => IsFluentMigratorType(parameter.Type))
            || (method.ReducedFrom?.Parameters.Any(parameter => IsFluentMigratorType(parameter.Type)) ?? false);
    }

    private bool IsFluentMigratorType(ITypeSymbol type) =>
        SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, Symbols.AbstractionsAssembly) || MigrationClass.DerivesFrom(type, Symbols.MigrationBase);

    private string? ReadAdditionalFile(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        foreach (var file in compilation.Options.AdditionalFiles)
        {
            var fileName = Path.GetFileName(file.Path);
            if (name!.EndsWith(fileName, System.StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(name, System.StringComparison.OrdinalIgnoreCase))
            {
                return file.GetText(cancellationToken)?.ToString();
            }
        }

        return null;
    }

    private void Skip(SyntaxNode node) => skipped.Add((node.SyntaxTree, node.Span));

    private bool IsSkipped(SyntaxNode node)
    {
        foreach (var (tree, span) in skipped)
        {
            if (tree == node.SyntaxTree && span.Contains(node.Span))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The whole expression an invocation is part of (the outermost call of its chain).</summary>
    private static IOperation Outermost(IOperation operation)
    {
        var current = operation;
        while (current.Parent is IInvocationOperation || current.Parent is IPropertyReferenceOperation || current.Parent is IConversionOperation || current.Parent is IArgumentOperation)
        {
            current = current.Parent;
        }

        return current;
    }

    private static SyntaxNode? BodyOf(IMethodSymbol method)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax();
            SyntaxNode? body = syntax switch
            {
                MethodDeclarationSyntax declaration => (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody,
                _ => null,
            };
            if (body != null)
            {
                return body;
            }
        }

        return null;
    }
}
