using System;

namespace Migrations.Build.Tasks;

/// <summary>An info-level finding (PGM050 int key, PGM051 timestamp, PGM037 json…): advice, never a failure.</summary>
internal sealed class Suggestion : IEquatable<Suggestion>
{
    public Suggestion(string ruleId, string file, int line, int column, string message)
    {
        RuleId = ruleId;
        File = file;
        Line = line;
        Column = column;
        Message = message;
    }

    public string RuleId { get; }

    public string File { get; }

    public int Line { get; }

    public int Column { get; }

    public string Message { get; }

    /// <summary>One line of the file the build validation leaves for the summary: the fields tab-separated.</summary>
    public string ToLine() => string.Join("\t", RuleId, File, Line, Column, Message.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' '));

    public static Suggestion? FromLine(string line)
    {
        var parts = line.Split('\t');
        return parts.Length == 5 && int.TryParse(parts[2], out var row) && int.TryParse(parts[3], out var column)
            ? new Suggestion(parts[0], parts[1], row, column, parts[4])
            : null;
    }

    public bool Equals(Suggestion? other) =>
        other is not null && RuleId == other.RuleId && File == other.File && Line == other.Line && Column == other.Column;

    public override bool Equals(object? obj) => Equals(obj as Suggestion);

    public override int GetHashCode() => (RuleId, File, Line, Column).GetHashCode();
}
