using System.Text.Json;
using System.Text.Json.Serialization;

namespace Migrations.Runtime.Output;

/// <summary>The one JSON style of every --json output: camelCase, indented, enums as strings, nulls omitted.</summary>
public static class JsonOutput
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static void Write(TextWriter writer, object value) => writer.WriteLine(JsonSerializer.Serialize(value, Options));
}
