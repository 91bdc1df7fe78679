using System.Text;

namespace Migrations.Runtime.Scaffold;

/// <summary>
/// Text as a C# string literal that reads like the text: a plain "…" for one simple line, """…""" for one line with
/// quotes or backslashes, otherwise a raw string literal indented under the code (its delimiter longer than any run of
/// quotes inside). Text with carriage returns or other control characters, which a raw literal cannot carry
/// faithfully, is escaped.
/// </summary>
internal static class CSharpLiteral
{
    public static string Of(string text, string indent)
    {
        if (text.Any(character => char.IsControl(character) && character is not ('\n' or '\t')))
        {
            return Escaped(text);
        }

        if (!text.Contains('\n'))
        {
            return !text.Contains('"') && !text.Contains('\\') && !text.Contains('\t') ? "\"" + text + "\""
                : !text.StartsWith('"') && !text.EndsWith('"') && LongestQuoteRun(text) < 3 ? "\"\"\"" + text + "\"\"\""
                : Escaped(text);
        }

        var quotes = new string('"', Math.Max(3, LongestQuoteRun(text) + 1));
        var literal = new StringBuilder(quotes).Append('\n');
        foreach (var line in text.Split('\n'))
        {
            literal.Append(line.Length == 0 ? string.Empty : indent + line).Append('\n');
        }

        return literal.Append(indent).Append(quotes).ToString();
    }

    private static int LongestQuoteRun(string text)
    {
        int longest = 0, current = 0;
        foreach (var character in text)
        {
            current = character == '"' ? current + 1 : 0;
            longest = Math.Max(longest, current);
        }

        return longest;
    }

    private static string Escaped(string text)
    {
        var literal = new StringBuilder("\"");
        foreach (var character in text)
        {
            literal.Append(character switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(character) => $"\\u{(int)character:x4}",
                _ => character.ToString(),
            });
        }

        return literal.Append('"').ToString();
    }
}
