using System.Text;
using System.Text.Json;
using Migrations.Runtime.Connection;
using Migrations.Runtime.Outcomes;

namespace Migrations.Runtime.Fleet;

/// <summary>
/// The targets of a fleet run. Text form: one connection per line (URL or keyword form), blank lines and lines starting
/// with # ignored. JSON form (a file starting with [ or {): an array of connection strings or of objects
/// <c>{"name": …, "group": …, "connection": …}</c>, optionally under <c>{"targets": […]}</c>. A line may hold a password:
/// no message ever repeats one; they name the line number and the target's user@host:port/database.
/// </summary>
public static class TargetsFile
{
    public static IReadOnlyList<FleetTarget> Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw BundleFailure.Usage($"Cannot read the targets file {path} ({exception.Message.TrimEnd('.')}). Pass a readable file to --targets.");
        }

        var targets = text.TrimStart().StartsWith('[') || text.TrimStart().StartsWith('{') ? ParseJson(path, text) : ParseLines(path, text);
        if (targets.Count == 0)
        {
            throw BundleFailure.Usage($"The targets file {path} names no target. Put one connection per line (postgresql://user@host:5432/db); # starts a comment.");
        }

        RefuseDuplicates(path, targets);
        return targets;
    }

    private static List<FleetTarget> ParseLines(string path, string text)
    {
        var targets = new List<FleetTarget>();
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].Trim();
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                targets.Add(Target(path, index + 1, name: null, group: null, line));
            }
        }

        return targets;
    }

    /// <summary>Read token by token so that every error can still name the line of the entry it is about.</summary>
    private static List<FleetTarget> ParseJson(string path, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var targets = new List<FleetTarget>();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            Expect(ref reader, path, bytes);
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                Expect(ref reader, path, bytes);
                if (reader.TokenType != JsonTokenType.PropertyName || reader.GetString() != "targets")
                {
                    throw Problem(path, LineOf(bytes, reader.TokenStartIndex), "a JSON targets file is an array, or an object whose only property is \"targets\"");
                }

                Expect(ref reader, path, bytes);
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw Problem(path, LineOf(bytes, reader.TokenStartIndex), "expected an array of targets");
            }

            while (true)
            {
                Expect(ref reader, path, bytes);
                var line = LineOf(bytes, reader.TokenStartIndex);
                switch (reader.TokenType)
                {
                    case JsonTokenType.EndArray:
                        return targets;
                    case JsonTokenType.String:
                        targets.Add(Target(path, line, name: null, group: null, reader.GetString()!));
                        break;
                    case JsonTokenType.StartObject:
                        targets.Add(ReadObject(ref reader, path, bytes, line));
                        break;
                    default:
                        throw Problem(path, line, "each target is a connection string or an object {\"name\": …, \"group\": …, \"connection\": …}");
                }
            }
        }
        catch (JsonException exception)
        {
            // System.Text.Json names the position, never the text around it.
            throw Problem(path, (int)(exception.LineNumber ?? 0) + 1, "not valid JSON");
        }
    }

    private static FleetTarget ReadObject(ref Utf8JsonReader reader, string path, byte[] bytes, int line)
    {
        string? name = null, group = null, connection = null;
        while (true)
        {
            Expect(ref reader, path, bytes);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            var property = reader.GetString();
            Expect(ref reader, path, bytes);
            if (reader.TokenType != JsonTokenType.String)
            {
                throw Problem(path, LineOf(bytes, reader.TokenStartIndex), $"\"{property}\" must be a string");
            }

            switch (property)
            {
                case "name": name = reader.GetString(); break;
                case "group": group = reader.GetString(); break;
                case "connection": connection = reader.GetString(); break;
                default: throw Problem(path, LineOf(bytes, reader.TokenStartIndex), $"unknown property \"{property}\" (a target has name, group and connection)");
            }
        }

        if (string.IsNullOrWhiteSpace(connection))
        {
            throw Problem(path, line, "the target has no \"connection\"");
        }

        return Target(path, line, name, group, connection);
    }

    private static void Expect(ref Utf8JsonReader reader, string path, byte[] bytes)
    {
        if (!reader.Read())
        {
            throw Problem(path, LineOf(bytes, bytes.Length), "the JSON ends too early");
        }
    }

    private static FleetTarget Target(string path, int line, string? name, string? group, string connection)
    {
        try
        {
            return new FleetTarget(line, name, group, connection.Trim(), ConnectionStringParser.Parse(connection));
        }
        catch (BundleFailure exception)
        {
            // The parser's messages never repeat the connection string; neither does this one.
            throw Problem(path, line, exception.Message.TrimEnd('.'));
        }
    }

    private static void RefuseDuplicates(string path, IReadOnlyList<FleetTarget> targets)
    {
        var seen = new Dictionary<string, FleetTarget>(StringComparer.Ordinal);
        foreach (var target in targets)
        {
            if (seen.TryGetValue(target.Address, out var first))
            {
                throw BundleFailure.Usage($"{path} line {target.Line}: the same target as line {first.Line} ({target.Address}). List each database (or schema) once.");
            }

            seen[target.Address] = target;
        }
    }

    private static BundleFailure Problem(string path, int line, string problem) =>
        BundleFailure.Usage($"{path} line {line}: {problem}.");

    private static int LineOf(byte[] bytes, long offset)
    {
        var line = 1;
        for (var index = 0; index < offset && index < bytes.Length; index++)
        {
            if (bytes[index] == (byte)'\n')
            {
                line++;
            }
        }

        return line;
    }
}
