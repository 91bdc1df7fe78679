using System.Text;
using System.Text.RegularExpressions;
using Migrations.Runtime.Schema.Catalog;

namespace Migrations.Runtime.Scaffold;

/// <summary>A column's type, nullability, identity, generation and default as FluentMigrator column options.</summary>
internal sealed partial class FluentWriter
{
    /// <summary>".AsString(200).NotNullable().WithDefaultValue("new")" — what follows WithColumn(name).</summary>
    public static string Column(CatalogColumn column)
    {
        var code = new StringBuilder(Type(column));
        code.Append(column.NotNull ? ".NotNullable()" : ".Nullable()");
        if (column.Identity is { } identity)
        {
            code.Append(identity == 'a' ? ".Identity()" : ".Identity(PostgresGenerationType.ByDefault)");
        }
        else if (column.IsGenerated)
        {
            code.Append($".Computed({Literal(column.Default!)}, stored: true)");
        }
        else if (column.Default is not null)
        {
            code.Append(Default(column));
        }

        return code.ToString();
    }

    /// <summary>
    /// The As…() call whose type FluentMigrator's PostgreSQL generator writes as this very type (AsDecimal(10, 2) is
    /// decimal(10,2), which PostgreSQL prints as numeric(10,2)); AsCustom for every other type, so nothing is approximated.
    /// </summary>
    private static string Type(CatalogColumn column)
    {
        var collation = column.Collation is null ? null : Literal(column.Collation);
        var match = SizedType().Match(column.Type);
        var size = match.Success ? match.Groups["size"].Value : null;
        var name = match.Success ? match.Groups["name"].Value : column.Type;
        var withCollation = collation is null ? string.Empty : (size is null ? collation : ", " + collation);
        string? call = (name, size) switch
        {
            ("text", null) => $"AsString({withCollation})",
            ("character varying", not null) => $"AsString({size}{withCollation})",
            ("character", not null) => $"AsFixedLengthString({size}{withCollation})",
            _ when collation is not null => null,
            ("smallint", null) => "AsInt16()",
            ("integer", null) => "AsInt32()",
            ("bigint", null) => "AsInt64()",
            ("boolean", null) => "AsBoolean()",
            ("date", null) => "AsDate()",
            ("timestamp without time zone", null) => "AsDateTime()",
            ("timestamp with time zone", null) => "AsDateTimeOffset()",
            ("numeric", not null) when size.Contains(',') => $"AsDecimal({size.Replace(",", ", ", StringComparison.Ordinal)})",
            ("double precision", null) => "AsDouble()",
            ("real", null) => "AsFloat()",
            ("uuid", null) => "AsGuid()",
            ("bytea", null) => "AsBinary()",
            ("time without time zone", null) => "AsTime()",
            ("xml", null) => "AsXml()",
            ("money", null) => "AsCurrency()",
            _ => null,
        };
        return "." + (call ?? $"AsCustom({Literal(column.Collation is null ? column.Type : $"{column.Type} COLLATE {column.Collation}")})");
    }

    /// <summary>
    /// Defaults FluentMigrator writes so that PostgreSQL stores the same expression: small integer and boolean
    /// literals, plain strings, now(), CURRENT_TIMESTAMP and CURRENT_USER; anything else as the expression itself (RawSql).
    /// </summary>
    private static string Default(CatalogColumn column)
    {
        var expression = column.Default!;
        if (IntegerLiteral().IsMatch(expression) && long.TryParse(expression, out var number) && number is >= int.MinValue and <= int.MaxValue)
        {
            return $".WithDefaultValue({expression})";
        }

        switch (expression)
        {
            case "true" or "false":
                return $".WithDefaultValue({expression})";
            case "now()":
                return ".WithDefault(SystemMethods.CurrentDateTime)";
            case "CURRENT_TIMESTAMP":
                return ".WithDefault(SystemMethods.CurrentDateTimeOffset)";
            case "CURRENT_USER":
                return ".WithDefault(SystemMethods.CurrentUser)";
        }

        var text = StringLiteral().Match(expression);
        if (text.Success && text.Groups["type"].Value == (column.Type.StartsWith("character varying", StringComparison.Ordinal) ? "character varying" : column.Type))
        {
            return $".WithDefaultValue({Literal(text.Groups["value"].Value.Replace("''", "'", StringComparison.Ordinal))})";
        }

        return $".WithDefaultValue(RawSql.Insert({Literal(expression)}))";
    }

    [GeneratedRegex(@"^(?<name>[a-z ]+)\((?<size>[0-9, ]+)\)$")]
    private static partial Regex SizedType();

    [GeneratedRegex("^[0-9]+$")]
    private static partial Regex IntegerLiteral();

    [GeneratedRegex(@"^'(?<value>(?:[^'\\]|'')*)'::(?<type>text|character varying)$")]
    private static partial Regex StringLiteral();
}
