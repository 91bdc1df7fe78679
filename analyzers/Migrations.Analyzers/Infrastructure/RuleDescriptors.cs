using System;
using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Infrastructure;

/// <summary>The one factory for descriptors: everything comes from <see cref="RuleCatalog"/>, the help link from the ID.</summary>
internal static class RuleDescriptors
{
    private static readonly ConcurrentDictionary<string, DiagnosticDescriptor> Cache = new ConcurrentDictionary<string, DiagnosticDescriptor>(StringComparer.Ordinal);

    public static DiagnosticDescriptor Get(string ruleId) => Cache.GetOrAdd(ruleId, Create);

    private static DiagnosticDescriptor Create(string ruleId)
    {
        var rule = RuleCatalog.Get(ruleId);
        var tags = ruleId == RuleIds.AllowUnsafeSuppressesNothing
            ? new[] { WellKnownDiagnosticTags.CompilationEnd }
            : Array.Empty<string>();
        // The one place a DiagnosticDescriptor is constructed (BannedSymbols.txt bans it elsewhere): every argument comes from the catalog.
#pragma warning disable RS0030
        return new DiagnosticDescriptor(
            rule.Id,
            rule.Title,
            rule.MessageFormat,
            rule.Category,
            ToSeverity(rule.DefaultSeverity),
            rule.EnabledByDefault,
            description: null,
            helpLinkUri: rule.HelpLink,
            customTags: tags);
#pragma warning restore RS0030
    }

    private static DiagnosticSeverity ToSeverity(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => DiagnosticSeverity.Error,
        RuleSeverity.Warning => DiagnosticSeverity.Warning,
        RuleSeverity.Info => DiagnosticSeverity.Info,
        _ => DiagnosticSeverity.Hidden,
    };
}
