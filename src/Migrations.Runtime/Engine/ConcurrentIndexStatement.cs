using Migrations.Safety.Sql;

namespace Migrations.Runtime.Engine;

/// <summary>
/// <c>CREATE [UNIQUE] INDEX CONCURRENTLY [IF NOT EXISTS] [schema.]name ON [ONLY] table …</c>, read from its tokens:
/// the index it names, the table, and everything after the table (method, columns, INCLUDE, WHERE, WITH), so the same
/// definition can be built on another table to compare it with an index that already exists.
/// </summary>
internal sealed record ConcurrentIndexStatement(string Name, string? Schema, bool Unique, string Table, string Definition)
{
    public static ConcurrentIndexStatement? Parse(string sql)
    {
        var words = SqlLexer.Tokenize(sql).Where(token => !token.IsTrivia).ToList();
        var position = 0;
        bool Accept(string keyword)
        {
            if (position < words.Count && words[position].IsKeyword(keyword))
            {
                position++;
                return true;
            }

            return false;
        }

        if (!Accept("CREATE"))
        {
            return null;
        }

        var unique = Accept("UNIQUE");
        if (!Accept("INDEX") || !Accept("CONCURRENTLY"))
        {
            return null;
        }

        if (Accept("IF") && !(Accept("NOT") && Accept("EXISTS")))
        {
            return null;
        }

        if (position >= words.Count || words[position].IsKeyword("ON"))
        {
            // An unnamed concurrent index: PostgreSQL picks the name, so nothing can be recognised later.
            return null;
        }

        string? schema = null;
        var name = Unquote(words[position++].Text);
        if (position + 1 < words.Count && words[position].IsPunctuation('.'))
        {
            schema = name;
            name = Unquote(words[position + 1].Text);
            position += 2;
        }

        if (!Accept("ON"))
        {
            return null;
        }

        Accept("ONLY");
        if (position >= words.Count)
        {
            return null;
        }

        var tableStart = words[position].Offset;
        position++;
        if (position + 1 < words.Count && words[position].IsPunctuation('.'))
        {
            position += 2;
        }

        var tableEnd = words[position - 1].End;
        var rest = position < words.Count ? sql[words[position].Offset..].Trim().TrimEnd(';').Trim() : string.Empty;
        return new ConcurrentIndexStatement(name, schema, unique, sql[tableStart..tableEnd], rest);
    }

    /// <summary>Tells two statements about the same index apart from statements about others.</summary>
    public string Key => Schema is null ? Name : Schema + "." + Name;

    /// <summary>The same index, not concurrently, under another name on another table (an empty copy of this one).</summary>
    public string BuildOn(string index, string table) => $"CREATE {(Unique ? "UNIQUE " : string.Empty)}INDEX {index} ON {table} {Definition}";

    private static string Unquote(string identifier) =>
        identifier.StartsWith('"') ? identifier[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : identifier.ToLowerInvariant();
}
