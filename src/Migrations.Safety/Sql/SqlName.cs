using System;

namespace Migrations.Safety.Sql;

/// <summary>A possibly schema-qualified name as written in SQL, unquoted (quoted parts keep their case, others fold to lower case).</summary>
public sealed class SqlName
{
    /// <summary>What a name the reader could not work out is called in messages.</summary>
    public const string ComputedText = "(computed)";

    public SqlName(string? schema, string name, int offset = 0)
    {
        Schema = schema;
        Name = name;
        Offset = offset;
    }

    /// <summary>A name built at run time (a variable, a helper's result): the operation is known, its object is not.</summary>
    public static SqlName Computed(string? schema = null) => new SqlName(schema, ComputedText) { IsComputed = true };

    public bool IsComputed { get; private set; }

    public string? Schema { get; }

    public string Name { get; }

    internal int Offset { get; }

    /// <summary>
    /// The key tables are compared by: the name without the default schema "public", compared case-insensitively.
    /// </summary>
    public string Key => TableKey(Schema, Name);

    public static StringComparer Comparer => StringComparer.OrdinalIgnoreCase;

    public static string TableKey(string? schema, string name) =>
        string.IsNullOrEmpty(schema) || string.Equals(schema, "public", StringComparison.OrdinalIgnoreCase) ? name : schema + "." + name;

    /// <summary>Parses "table", "schema.table" or their quoted forms.</summary>
    public static SqlName Parse(string qualifiedName)
    {
        var name = new SqlTokenCursor(SqlLexer.Tokenize(qualifiedName)).ReadName();
        return name ?? new SqlName(null, qualifiedName);
    }

    public override string ToString() => Schema == null ? Name : Schema + "." + Name;

    internal static string Unquote(SqlToken token)
    {
        if (token.Kind == SqlTokenKind.QuotedIdentifier)
        {
            var text = token.Text;
            var start = text.StartsWith("U&", StringComparison.OrdinalIgnoreCase) ? 3 : 1;
            var length = text.Length > start && text[text.Length - 1] == '"' ? text.Length - start - 1 : text.Length - start;
            return text.Substring(start, Math.Max(0, length)).Replace("\"\"", "\"");
        }

        return token.Text.ToLowerInvariant();
    }
}
