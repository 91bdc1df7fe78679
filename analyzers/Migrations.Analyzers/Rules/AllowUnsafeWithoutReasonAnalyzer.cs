using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules;

/// <summary>PGM900: every [AllowUnsafe] says why the operation is safe there.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AllowUnsafeWithoutReasonAnalyzer : MigrationAnalyzer
{
    public AllowUnsafeWithoutReasonAnalyzer()
        : base(RuleIds.AllowUnsafeWithoutReason)
    {
    }

    private protected override void Register(CompilationStartAnalysisContext context, MigrationCompilation migrations)
    {
        if (migrations.Symbols.AllowUnsafeAttribute == null)
        {
            return;
        }

        context.RegisterSymbolAction(
            symbolContext =>
            {
                foreach (var attribute in symbolContext.Symbol.GetAttributes())
                {
                    var ruleId = migrations.Suppressions.RuleIdOf(attribute);
                    var reason = ReasonOf(attribute);
                    if (ruleId != null && !SuppressionReason.IsGiven(reason) && attribute.ApplicationSyntaxReference != null)
                    {
                        symbolContext.ReportDiagnostic(Diagnostic.Create(
                            RuleDescriptors.Get(RuleIds.AllowUnsafeWithoutReason),
                            attribute.ApplicationSyntaxReference.GetSyntax(symbolContext.CancellationToken).GetLocation(),
                            ruleId,
                            SuppressionReason.IsMissing(reason) ? string.Empty : $" ('{reason!.Trim()}' is a placeholder)"));
                    }
                }
            },
            SymbolKind.NamedType,
            SymbolKind.Method);
    }

    private static string? ReasonOf(AttributeData attribute)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == "Reason")
            {
                return argument.Value.Value as string;
            }
        }

        return null;
    }
}
