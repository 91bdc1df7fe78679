using System.Linq;
using System.Text;

namespace Migrations.Build.Tasks;

/// <summary>C# identifiers from names users choose freely: project names such as "my-migrations" or "2024db".</summary>
internal static class Identifier
{
    /// <summary>Every dot-separated part made a valid identifier: other characters become '_', a leading digit gets '_'.</summary>
    public static string Namespace(string name)
    {
        var parts = (string.IsNullOrWhiteSpace(name) ? "Migrations" : name).Split('.').Select(Part);
        return string.Join(".", parts);
    }

    public static string Part(string text)
    {
        var builder = new StringBuilder(text.Length + 1);
        foreach (var character in text)
        {
            builder.Append(char.IsLetterOrDigit(character) || character == '_' ? character : '_');
        }

        if (builder.Length == 0 || char.IsDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }
}
