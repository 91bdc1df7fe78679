using System;
using System.Linq;

namespace Migrations.Safety.Rules;

/// <summary>
/// What counts as the reason of an [AllowUnsafe] (or of a .sql migration's allow-unsafe directive). A placeholder —
/// the "TODO: …" the PGM900 code fix inserts, "…", "tbd" — is not one: the build must keep failing until a person
/// has written why the operation is safe there.
/// </summary>
public static class SuppressionReason
{
    /// <summary>What the code fix writes for the author to replace; itself a placeholder.</summary>
    public const string Placeholder = "TODO: say why this is safe here";

    private static readonly string[] PlaceholderWords = { "todo", "tbd", "fixme", "xxx", "reason", "why", "n/a", "na", "none", "placeholder", "..." };

    public static bool IsGiven(string? reason) => !IsMissing(reason) && !IsPlaceholder(reason!);

    public static bool IsMissing(string? reason) => string.IsNullOrWhiteSpace(reason);

    /// <summary>Written, but says nothing: no three letters, or it starts with a word such as TODO or TBD.</summary>
    public static bool IsPlaceholder(string reason)
    {
        var text = reason.Trim().ToLowerInvariant();
        if (text.Count(char.IsLetter) < 3)
        {
            return true;
        }

        var firstWord = new string(text.TakeWhile(character => char.IsLetter(character) || character == '/' || character == '.').ToArray());
        return Array.IndexOf(PlaceholderWords, firstWord) >= 0;
    }
}
