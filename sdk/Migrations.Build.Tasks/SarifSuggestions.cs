using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.Serialization.Json;
using System.Xml;
using System.Xml.Linq;

namespace Migrations.Build.Tasks;

/// <summary>
/// The Migrations.Sdk analyzers' info findings in the compiler's SARIF 2.1 error log (the SDK sets ErrorLog). Read
/// through the framework's JSON-as-XML reader: a netstandard2.0 task that Visual Studio's MSBuild loads too cannot
/// bring a JSON library of its own.
/// </summary>
internal static class SarifSuggestions
{
    public static IEnumerable<Suggestion> Read(string? path)
    {
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            return Enumerable.Empty<Suggestion>();
        }

        try
        {
            using var stream = File.OpenRead(path);
            using var reader = JsonReaderWriterFactory.CreateJsonReader(stream, XmlDictionaryReaderQuotas.Max);
            var root = XElement.Load(reader);
            return Items(root.Element("runs")).SelectMany(run => Items(run.Element("results")))
                .Where(result => (string?)result.Element("level") == "note" && IsOurs((string?)result.Element("ruleId")) && !Items(result.Element("suppressions")).Any())
                .Select(ToSuggestion)
                .ToList();
        }
        catch (Exception exception) when (exception is XmlException or IOException or UnauthorizedAccessException)
        {
            // A log the compiler left half written only costs the summary, never the build.
            return Enumerable.Empty<Suggestion>();
        }
    }

    private static bool IsOurs(string? ruleId) => ruleId is not null && ruleId.StartsWith("PGM", StringComparison.Ordinal);

    private static Suggestion ToSuggestion(XElement result)
    {
        var physical = Items(result.Element("locations")).FirstOrDefault()?.Element("physicalLocation");
        var uri = (string?)physical?.Element("artifactLocation")?.Element("uri") ?? string.Empty;
        var region = physical?.Element("region");
        return new Suggestion(
            (string)result.Element("ruleId")!,
            Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile ? parsed.LocalPath : uri,
            (int?)region?.Element("startLine") ?? 0,
            (int?)region?.Element("startColumn") ?? 0,
            (string?)result.Element("message")?.Element("text") ?? string.Empty);
    }

    /// <summary>A JSON array read as XML: its elements are &lt;item&gt;s.</summary>
    private static IEnumerable<XElement> Items(XElement? array) => array?.Elements("item") ?? Enumerable.Empty<XElement>();
}
