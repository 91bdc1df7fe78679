namespace Migrations.Runtime.Output;

/// <summary>Server and library messages go into our one-line errors: only their first line, without its full stop.</summary>
public static class MessageText
{
    public static string FirstLine(string text) => text.Split('\n')[0].Trim().TrimEnd('.');
}
