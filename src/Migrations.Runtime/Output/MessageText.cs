namespace Migrations.Runtime.Output;

/// <summary>Server and library messages, and SQL, as they appear inside our one-line messages.</summary>
public static class MessageText
{
    /// <summary>Only the first line, without its full stop.</summary>
    public static string FirstLine(string text) => text.Split('\n')[0].Trim().TrimEnd('.');

    /// <summary>The first line of a statement, cut at <paramref name="length"/> characters with an ellipsis.</summary>
    public static string Excerpt(string sql, int length = 100)
    {
        var line = sql.Trim().Split('\n')[0].Trim();
        return line.Length > length ? line[..length] + "…" : line;
    }
}
