using System.Globalization;

namespace Migrations.Runtime.BuildValidation.Severities;

/// <summary>
/// One .editorconfig or global analyzer config (.globalconfig, or any file with <c>is_global = true</c>), read the way
/// the compiler reads it: keys are case-insensitive, <c>=</c> or <c>:</c> separate key and value, <c>#</c> and <c>;</c>
/// start comments (also after a value), and properties before the first section belong to the file (root, is_global,
/// global_level) or, in a global config, apply everywhere.
/// </summary>
internal sealed class AnalyzerConfigFile
{
    /// <summary>The compiler's default level of a global config without global_level (a .globalconfig file: 100).</summary>
    private const int DefaultGlobalLevel = 100;

    private AnalyzerConfigFile(string path)
    {
        Path = path;
        Directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!.Replace('\\', '/').TrimEnd('/');
    }

    public string Path { get; }

    /// <summary>The folder the file's section names are relative to, with forward slashes.</summary>
    public string Directory { get; }

    public bool IsRoot { get; private set; }

    public bool IsGlobal { get; private set; }

    public int GlobalLevel { get; private set; } = DefaultGlobalLevel;

    /// <summary>Properties of a global config that apply to every file.</summary>
    public Dictionary<string, string> GlobalProperties { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The sections in file order: a later one overrides an earlier one that matches the same file.</summary>
    public List<(SectionPattern Pattern, Dictionary<string, string> Properties)> Sections { get; } = [];

    public static AnalyzerConfigFile Read(string path)
    {
        var file = new AnalyzerConfigFile(path);
        var preamble = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var sections = new List<(string Name, Dictionary<string, string> Properties)>();
        var current = preamble;
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[' && line[^1] == ']')
            {
                current = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                sections.Add((line[1..^1], current));
                continue;
            }

            var equals = line.IndexOfAny(['=', ':']);
            if (equals > 0)
            {
                current[line[..equals].Trim()] = StripComment(line[(equals + 1)..]).Trim();
            }
        }

        file.IsRoot = preamble.TryGetValue("root", out var root) && root.Equals("true", StringComparison.OrdinalIgnoreCase);
        file.IsGlobal = preamble.TryGetValue("is_global", out var global)
            ? global.Equals("true", StringComparison.OrdinalIgnoreCase)
            : System.IO.Path.GetFileName(path).Equals(".globalconfig", StringComparison.OrdinalIgnoreCase);
        if (preamble.TryGetValue("global_level", out var level) && int.TryParse(level, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
        {
            file.GlobalLevel = parsed;
        }

        if (file.IsGlobal)
        {
            foreach (var (key, value) in preamble)
            {
                file.GlobalProperties[key] = value;
            }
        }

        foreach (var (name, properties) in sections)
        {
            if (SectionPattern.Parse(name, file.IsGlobal ? null : file.Directory) is { } pattern)
            {
                file.Sections.Add((pattern, properties));
            }
        }

        return file;
    }

    /// <summary>A trailing comment after a value ("warning # why"), which the compiler ignores too.</summary>
    private static string StripComment(string value)
    {
        var hash = value.IndexOfAny(['#', ';']);
        return hash < 0 ? value : value[..hash];
    }
}
