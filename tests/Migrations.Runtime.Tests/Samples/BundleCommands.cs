using System.Text;
using Migrations.Runtime.Cli;

namespace Migrations.Runtime.Tests.Samples;

/// <summary>
/// The bundle command lines a sample runs, checked by the bundle's own parser. In a shell script (a workflow's run:
/// step) every invocation goes through "$BUNDLE"; variables and ${{ … }} expressions stand for a value ("1", which every
/// option of the bundle accepts), and a command ends at ;, &amp;, |, a redirection or the end of the line.
/// </summary>
internal static class BundleCommands
{
    private static readonly string[] Invocations = ["\"$BUNDLE\"", "\"${BUNDLE}\"", "$BUNDLE ", "${BUNDLE} "];

    public static IReadOnlyList<string[]> InScript(string script)
    {
        var text = script.Replace("\\\r\n", " ", StringComparison.Ordinal).Replace("\\\n", " ", StringComparison.Ordinal);
        var commands = new List<string[]>();
        var index = 0;
        while (true)
        {
            var (at, invocation) = Invocations.Select(candidate => (At: text.IndexOf(candidate, index, StringComparison.Ordinal), Candidate: candidate))
                .Where(found => found.At >= 0).OrderBy(found => found.At).FirstOrDefault(found => true);
            if (invocation is null)
            {
                return commands;
            }

            var (arguments, end) = Tokenize(text, at + invocation.Length);
            commands.Add(arguments);
            index = end;
        }
    }

    /// <summary>The parser's first error for these arguments, or null when the bundle accepts them.</summary>
    public static string? Problem(string[] arguments)
    {
        var root = new BundleCommandLine("bundle", (_, _) => throw new InvalidOperationException("parse only")).Build();
        var result = root.Parse(arguments);
        if (result.Errors.Count > 0)
        {
            return string.Join("; ", result.Errors.Select(error => error.Message));
        }

        return result.CommandResult.Command == root ? "no verb" : null;
    }

    private static (string[] Arguments, int End) Tokenize(string text, int start)
    {
        var arguments = new List<string>();
        var current = new StringBuilder();
        var inToken = false;
        var position = start;
        char? quote = null;
        for (; position < text.Length; position++)
        {
            var character = text[position];
            if (quote is null && (character is ';' or '&' or '|' or '\n' or '<' or '>' || (character is '2' or '1' && !inToken && position + 1 < text.Length && text[position + 1] == '>')))
            {
                break;
            }

            if (character == '$' && quote != '\'')
            {
                position = SkipVariable(text, position);
                current.Append('1');
                inToken = true;
                continue;
            }

            if (quote is null && character is '"' or '\'')
            {
                quote = character;
                inToken = true;
            }
            else if (quote == character)
            {
                quote = null;
            }
            else if (quote is null && char.IsWhiteSpace(character))
            {
                if (inToken)
                {
                    arguments.Add(current.ToString());
                    current.Clear();
                    inToken = false;
                }
            }
            else
            {
                current.Append(character);
                inToken = true;
            }
        }

        if (inToken)
        {
            arguments.Add(current.ToString());
        }

        return (arguments.ToArray(), position);
    }

    /// <summary>$NAME, ${NAME} or ${{ expression }}: returns the index of its last character.</summary>
    private static int SkipVariable(string text, int position)
    {
        if (text.AsSpan(position).StartsWith("${{"))
        {
            return text.IndexOf("}}", position, StringComparison.Ordinal) + 1;
        }

        if (position + 1 < text.Length && text[position + 1] == '{')
        {
            return text.IndexOf('}', position);
        }

        var end = position + 1;
        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_'))
        {
            end++;
        }

        return end - 1;
    }
}
