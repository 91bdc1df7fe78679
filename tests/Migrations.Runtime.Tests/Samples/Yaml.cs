using YamlDotNet.RepresentationModel;

namespace Migrations.Runtime.Tests.Samples;

/// <summary>Reading the samples' YAML: every document of a file, and paths into its mappings.</summary>
internal static class Yaml
{
    public static IReadOnlyList<YamlMappingNode> Documents(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        return stream.Documents.Select(document => (YamlMappingNode)document.RootNode).ToList();
    }

    public static YamlNode? At(this YamlNode? node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(key), out node))
            {
                return null;
            }
        }

        return node;
    }

    public static string? Text(this YamlNode? node, params string[] path) => (node.At(path) as YamlScalarNode)?.Value;

    public static IEnumerable<YamlNode> Items(this YamlNode? node, params string[] path) =>
        node.At(path) is YamlSequenceNode sequence ? sequence.Children : [];

    public static IEnumerable<KeyValuePair<string, YamlNode>> Entries(this YamlNode? node, params string[] path) =>
        node.At(path) is YamlMappingNode mapping ? mapping.Children.Select(pair => new KeyValuePair<string, YamlNode>(((YamlScalarNode)pair.Key).Value!, pair.Value)) : [];
}
