using System.Text;
using System.Text.RegularExpressions;
using Migrations.Runtime.Schema.Catalog;

namespace Migrations.Runtime.Scaffold;

/// <summary>
/// FluentMigrator 8.0.1 calls for the objects it can write exactly. Each method returns null when it cannot: the
/// caller then writes Execute.Sql. "Exactly" is checked, not assumed: a key or an index is written fluently only when
/// the definition PostgreSQL prints for it equals the one FluentMigrator's statement produces, so options FluentMigrator
/// has no call for (RESTRICT, DEFERRABLE, NULLS NOT DISTINCT, operator classes, expressions, storage parameters) fall
/// back to SQL.
/// </summary>
internal sealed partial class FluentWriter(DatabaseCatalog catalog, SchemaSql sql)
{
    private const string Indent = MigrationClassWriter.StatementIndent + "    ";

    public static string Literal(string text) => CSharpLiteral.Of(text, Indent);

    public string Schema(CatalogSchema schema) => $"Create.Schema({Literal(schema.Name)});";

    /// <summary>Create.Sequence for a bigint sequence (FluentMigrator writes no AS type); CACHE 1 is PostgreSQL's default and left out.</summary>
    public string? Sequence(CatalogSequence sequence)
    {
        if (sequence.DataType != "bigint")
        {
            return null;
        }

        var code = new StringBuilder($"Create.Sequence({Literal(sequence.Name)}){InSchema(sequence.Schema)}")
            .Append($".IncrementBy({sequence.Increment}).MinValue({sequence.Min}).MaxValue({sequence.Max}).StartWith({sequence.Start})");
        if (sequence.Cache > 1)
        {
            code.Append($".Cache({sequence.Cache})");
        }

        return code.Append(sequence.Cycle ? ".Cycle();" : ";").ToString();
    }

    /// <summary>
    /// Create.Table with every column, and the primary key when it spans columns in table order. Null for partitioned
    /// tables, partitions, inheritance, unlogged tables and identity columns with options of their own. Comments are
    /// left to COMMENT ON: 8.0.1's PostgreSQL generator drops WithDescription and WithColumnDescription of Create.Table
    /// without a word.
    /// </summary>
    public string? Table(CatalogRelation table, CatalogConstraint? primaryKey)
    {
        if (table.Kind != 'r' || table.IsPartition || table.Parents.Count > 0 || table.IsUnlogged || table.Columns.Count == 0
            || table.Columns.Any(column => !column.IsLocal || (column.Identity is not null && sql.IdentityOptions(table, column).Length > 0)))
        {
            return null;
        }

        var inlineKey = primaryKey is not null && InTableOrder(table, primaryKey.Columns) ? primaryKey : null;
        var code = new StringBuilder($"Create.Table({Literal(table.Name)}){InSchema(table.Schema)}");
        foreach (var column in table.Columns)
        {
            code.Append($"\n{Indent}.WithColumn({Literal(column.Name)}){Column(column)}");
            if (inlineKey is not null && inlineKey.Columns.Contains(column.Name))
            {
                code.Append($".PrimaryKey({Literal(inlineKey.Name)})");
            }
        }

        return code.Append(';').ToString();
    }

    /// <summary>Whether a table's primary key can go on its columns in Create.Table (FluentMigrator lists them in column order).</summary>
    public static bool InTableOrder(CatalogRelation table, IReadOnlyList<string> keyColumns)
    {
        var order = table.Columns.Select(column => column.Name).Where(keyColumns.Contains).ToList();
        return order.SequenceEqual(keyColumns);
    }

    /// <summary>Create.PrimaryKey or Create.UniqueConstraint, when the key is nothing but its columns.</summary>
    public string? Key(CatalogRelation table, CatalogConstraint key)
    {
        var keyword = key.Type == 'p' ? "PRIMARY KEY" : "UNIQUE";
        if (key.Type is not ('p' or 'u') || key.Definition != $"{keyword} ({ColumnList(key.Columns)})")
        {
            return null;
        }

        var create = key.Type == 'p' ? "PrimaryKey" : "UniqueConstraint";
        var schema = table.Schema == catalog.DefaultSchema ? string.Empty : $".WithSchema({Literal(table.Schema)})";
        return $"Create.{create}({Literal(key.Name)}).OnTable({Literal(table.Name)}){schema}.{Columns("Column", key.Columns)};";
    }

    public bool IsPlainKey(CatalogConstraint key) => key.Definition == $"{(key.Type == 'p' ? "PRIMARY KEY" : "UNIQUE")} ({ColumnList(key.Columns)})";

    /// <summary>Create.ForeignKey for a key with no MATCH, DEFERRABLE, NOT VALID or RESTRICT (FluentMigrator's Rule has no RESTRICT).</summary>
    public string? ForeignKey(CatalogRelation table, CatalogConstraint key)
    {
        if (key.References is not { } references || Rule(key.OnUpdate) is not { } onUpdate || Rule(key.OnDelete) is not { } onDelete)
        {
            return null;
        }

        var expected = $"FOREIGN KEY ({ColumnList(key.Columns)}) REFERENCES {catalog.Name(references.Schema, references.Name)}({ColumnList(key.ReferencedColumns)})"
            + Action("UPDATE", key.OnUpdate) + Action("DELETE", key.OnDelete);
        if (key.Definition != expected)
        {
            return null;
        }

        var code = new StringBuilder($"Create.ForeignKey({Literal(key.Name)}).FromTable({Literal(table.Name)}){InSchema(table.Schema)}")
            .Append($".{Columns("ForeignColumn", key.Columns)}")
            .Append($"\n{Indent}.ToTable({Literal(references.Name)}){InSchema(references.Schema)}.{Columns("PrimaryColumn", key.ReferencedColumns)}");
        if (onDelete != "None")
        {
            code.Append($".OnDelete(Rule.{onDelete})");
        }

        if (onUpdate != "None")
        {
            code.Append($".OnUpdate(Rule.{onUpdate})");
        }

        return code.Append(';').ToString();
    }

    /// <summary>
    /// Create.Index for an index on plain columns (ascending or descending, default operator classes and collations),
    /// of any method, unique, partial (Filter) and covering (Include).
    /// </summary>
    public string? Index(CatalogRelation table, CatalogIndex index)
    {
        if (index.Keys.Count == 0 || index.Keys.Any(key => key.Column is null) || (index.Method != "btree" && index.Keys.Any(key => key.Descending)))
        {
            return null;
        }

        var keys = string.Join(", ", index.Keys.Select(key => catalog.Quote(key.Column!) + (key.Descending ? " DESC" : string.Empty)));
        var expected = $"CREATE {(index.IsUnique ? "UNIQUE " : string.Empty)}INDEX {catalog.Quote(index.Name)} ON {catalog.Quote(table.Schema)}.{catalog.Quote(table.Name)} USING {index.Method} ({keys})"
            + (index.Include.Count == 0 ? string.Empty : $" INCLUDE ({ColumnList(index.Include)})")
            + (index.Predicate is null ? string.Empty : $" WHERE {index.Predicate}");
        var method = index.Method switch { "btree" => string.Empty, "hash" => "Hash", "gist" => "Gist", "spgist" => "Spgist", "gin" => "Gin", "brin" => "Brin", _ => null };
        if (index.Definition != expected || method is null)
        {
            return null;
        }

        var code = new StringBuilder($"Create.Index({Literal(index.Name)}).OnTable({Literal(table.Name)}){InSchema(table.Schema)}");
        foreach (var key in index.Keys)
        {
            code.Append($".OnColumn({Literal(key.Column!)}).{(key.Descending ? "Descending" : "Ascending")}()");
        }

        if (index.IsUnique)
        {
            code.Append(".WithOptions().Unique()");
        }

        // Include and Filter before UsingXxx(): the method syntaxes of 8.0.1 cannot take them afterwards (PGM106).
        var options = new StringBuilder();
        foreach (var column in index.Include)
        {
            options.Append($".Include({Literal(column)})");
        }

        if (index.Predicate is not null)
        {
            options.Append($".Filter({Literal(StripParentheses(index.Predicate))})");
        }

        if (method.Length > 0)
        {
            options.Append($".Using{method}()");
        }

        if (options.Length > 0)
        {
            code.Append("\n").Append(Indent).Append(".WithOptions()").Append(options);
        }

        return code.Append(';').ToString();
    }

    private string InSchema(string schema) => schema == catalog.DefaultSchema ? string.Empty : $".InSchema({Literal(schema)})";

    private string ColumnList(IEnumerable<string> columns) => string.Join(", ", columns.Select(catalog.Quote));

    private static string Columns(string method, IReadOnlyList<string> columns) =>
        columns.Count == 1 ? $"{method}({Literal(columns[0])})" : $"{method}s({string.Join(", ", columns.Select(Literal))})";

    private static string? Rule(char action) => action switch { 'a' => "None", 'c' => "Cascade", 'n' => "SetNull", 'd' => "SetDefault", _ => null };

    private static string Action(string on, char action) => action switch
    {
        'c' => $" ON {on} CASCADE",
        'n' => $" ON {on} SET NULL",
        'd' => $" ON {on} SET DEFAULT",
        _ => string.Empty,
    };

    /// <summary>pg_get_expr wraps a predicate in parentheses that Filter does not need.</summary>
    private static string StripParentheses(string predicate) =>
        predicate.StartsWith('(') && predicate.EndsWith(')') && Balanced(predicate[1..^1]) ? predicate[1..^1] : predicate;

    private static bool Balanced(string text)
    {
        var depth = 0;
        var quoted = false;
        foreach (var character in text)
        {
            quoted ^= character == '\'';
            depth += quoted ? 0 : character == '(' ? 1 : character == ')' ? -1 : 0;
            if (depth < 0)
            {
                return false;
            }
        }

        return depth == 0;
    }
}
