using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Migrations.Runtime.BuildValidation.Severities;

/// <summary>
/// An .editorconfig section name ("*.cs", "src/**/{a,b}.cs", "file{1..3}.sql") as the glob it is, per the EditorConfig
/// specification: <c>*</c> stays within a folder, <c>**</c> crosses folders, <c>?</c> is one character,
/// <c>[…]</c>/<c>[!…]</c> a character class, <c>{a,b}</c> alternatives and <c>{1..9}</c> a number range. A name
/// without a slash matches the file name in any folder below the .editorconfig; one with a slash is relative to it.
/// </summary>
internal sealed class SectionPattern
{
    private readonly Regex _regex;
    private readonly List<(long Low, long High)> _ranges;

    private SectionPattern(Regex regex, List<(long Low, long High)> ranges)
    {
        _regex = regex;
        _ranges = ranges;
    }

    /// <param name="directory">The folder of the .editorconfig, with forward slashes and no trailing slash; null for a global config, whose section names are absolute paths.</param>
    public static SectionPattern? Parse(string section, string? directory)
    {
        var ranges = new List<(long Low, long High)>();
        var glob = section.Replace('\\', '/');
        string prefix;
        if (directory is null)
        {
            prefix = string.Empty;
        }
        else if (glob.Contains('/'))
        {
            prefix = Regex.Escape(directory + "/");
            glob = glob.TrimStart('/');
        }
        else
        {
            prefix = Regex.Escape(directory + "/") + "(?:.*/)?";
        }

        var body = Translate(glob, ranges);
        return body is null ? null : new SectionPattern(new Regex("^" + prefix + body + "$", RegexOptions.CultureInvariant), ranges);
    }

    public bool Matches(string path)
    {
        var match = _regex.Match(path.Replace('\\', '/'));
        if (!match.Success)
        {
            return false;
        }

        for (var index = 0; index < _ranges.Count; index++)
        {
            var number = long.Parse(match.Groups["range" + index].Value, CultureInfo.InvariantCulture);
            if (number < _ranges[index].Low || number > _ranges[index].High)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The glob as a regular expression, or null when it is malformed (such a section matches nothing, as in the compiler).</summary>
    private static string? Translate(string glob, List<(long Low, long High)> ranges)
    {
        var regex = new StringBuilder();
        var braces = 0;
        for (var index = 0; index < glob.Length; index++)
        {
            var character = glob[index];
            switch (character)
            {
                case '*' when index + 1 < glob.Length && glob[index + 1] == '*':
                    regex.Append(".*");
                    index++;
                    break;
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '\\' when index + 1 < glob.Length:
                    regex.Append(Regex.Escape(glob[++index].ToString()));
                    break;
                case '[':
                    var close = glob.IndexOf(']', index + 1);
                    if (close < 0)
                    {
                        regex.Append(@"\[");
                        break;
                    }

                    var set = glob.Substring(index + 1, close - index - 1);
                    var negated = set.StartsWith('!');
                    regex.Append('[').Append(negated ? "^" : string.Empty).Append(Regex.Escape(negated ? set[1..] : set).Replace(@"\-", "-")).Append(']');
                    index = close;
                    break;
                case '{':
                    var end = glob.IndexOf('}', index + 1);
                    if (end > 0 && Regex.Match(glob.Substring(index + 1, end - index - 1), @"^(-?\d+)\.\.(-?\d+)$") is { Success: true } range)
                    {
                        var low = long.Parse(range.Groups[1].Value, CultureInfo.InvariantCulture);
                        var high = long.Parse(range.Groups[2].Value, CultureInfo.InvariantCulture);
                        regex.Append("(?<range").Append(ranges.Count.ToString(CultureInfo.InvariantCulture)).Append(@">-?\d+)");
                        ranges.Add((Math.Min(low, high), Math.Max(low, high)));
                        index = end;
                        break;
                    }

                    braces++;
                    regex.Append("(?:");
                    break;
                case ',' when braces > 0:
                    regex.Append('|');
                    break;
                case '}' when braces > 0:
                    braces--;
                    regex.Append(')');
                    break;
                default:
                    regex.Append(Regex.Escape(character.ToString()));
                    break;
            }
        }

        return braces == 0 ? regex.ToString() : null;
    }
}
