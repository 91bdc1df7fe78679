namespace Migrations.Runtime.Output;

/// <summary>A plain aligned table: readable in a terminal and in CI logs, with no box-drawing characters to garble.</summary>
public static class TextTable
{
    public static void Write(TextWriter output, IReadOnlyList<string> headers, IReadOnlyList<string[]> rows)
    {
        var widths = headers.Select((header, column) => rows.Select(row => row[column].Length).Prepend(header.Length).Max()).ToArray();
        WriteRow(output, headers, widths);
        WriteRow(output, widths.Select(width => new string('-', width)).ToArray(), widths);
        foreach (var row in rows)
        {
            WriteRow(output, row, widths);
        }
    }

    private static void WriteRow(TextWriter output, IReadOnlyList<string> cells, int[] widths) =>
        output.WriteLine(string.Join("  ", cells.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd());
}
