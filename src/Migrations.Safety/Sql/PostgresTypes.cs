using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace Migrations.Safety.Sql;

/// <summary>How PostgreSQL treats <c>ALTER COLUMN … TYPE</c> from one type to another.</summary>
public enum TypeChange
{
    /// <summary>Same type: no rewrite, but every CHECK constraint on the column is re-checked with a full scan.</summary>
    SameType,

    /// <summary>Binary-compatible (varchar(n)→varchar(m≥n) or text, numeric precision increase at the same scale …): no rewrite.</summary>
    BinaryCompatible,

    /// <summary>The table is rewritten under an ACCESS EXCLUSIVE lock.</summary>
    Rewrite,
}

/// <summary>PostgreSQL type names: canonical spelling and which type changes rewrite the table.</summary>
public static class PostgresTypes
{
    private static readonly Regex TypeWithModifiers = new Regex(@"^(?<name>[a-z_][a-z0-9_ .]*?)\s*(\((?<args>[^)]*)\))?(?<array>(\[\])*)$", RegexOptions.CultureInvariant);

    private static readonly Dictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["int"] = "integer", ["int4"] = "integer", ["int8"] = "bigint", ["int2"] = "smallint",
        ["character varying"] = "varchar", ["char varying"] = "varchar", ["character"] = "char", ["bpchar"] = "char",
        ["decimal"] = "numeric", ["bool"] = "boolean", ["float8"] = "double precision", ["float"] = "double precision",
        ["float4"] = "real", ["timestamp without time zone"] = "timestamp", ["timestamp with time zone"] = "timestamptz",
        ["time without time zone"] = "time", ["time with time zone"] = "timetz", ["bit varying"] = "varbit",
        ["serial4"] = "serial", ["serial8"] = "bigserial", ["serial2"] = "smallserial",
    };

    /// <summary>Lower-case, alias-resolved spelling: "character varying(100)" → "varchar(100)", "INT4" → "integer".</summary>
    public static string Normalize(string type)
    {
        var text = Regex.Replace(type.Trim().ToLowerInvariant().Replace("\"", string.Empty), @"\s+", " ");
        text = Regex.Replace(text, @"\s*([(),\[\]])\s*", "$1");
        text = text.Replace(",", ", ");
        if (text.StartsWith("pg_catalog.", StringComparison.Ordinal))
        {
            text = text.Substring("pg_catalog.".Length);
        }

        var match = TypeWithModifiers.Match(text);
        if (!match.Success)
        {
            return text;
        }

        var name = match.Groups["name"].Value.Trim();
        name = Aliases.TryGetValue(name, out var canonical) ? canonical : name;
        var args = match.Groups["args"].Success ? "(" + match.Groups["args"].Value + ")" : string.Empty;
        return name + args + match.Groups["array"].Value;
    }

    public static TypeChange ClassifyChange(string fromType, string toType)
    {
        var from = Parse(Normalize(fromType));
        var to = Parse(Normalize(toType));
        if (from.Name == to.Name && from.Arguments.SequenceEqual(to.Arguments) && from.Array == to.Array)
        {
            return TypeChange.SameType;
        }

        if (from.Array != to.Array)
        {
            return TypeChange.Rewrite;
        }

        switch (from.Name)
        {
            case "varchar" when to.Name == "text":
            case "varchar" when to.Name == "varchar" && (to.Arguments.Length == 0 || (from.Arguments.Length == 1 && to.Arguments[0] >= from.Arguments[0])):
            case "text" when to.Name == "varchar" && to.Arguments.Length == 0:
            case "varbit" when to.Name == "varbit" && (to.Arguments.Length == 0 || (from.Arguments.Length == 1 && to.Arguments[0] >= from.Arguments[0])):
            case "cidr" when to.Name == "inet":
                return TypeChange.BinaryCompatible;
            case "numeric" when to.Name == "numeric":
                return to.Arguments.Length == 0
                    || (from.Arguments.Length > 0 && to.Arguments[0] >= from.Arguments[0] && Scale(from) == Scale(to))
                    ? TypeChange.BinaryCompatible
                    : TypeChange.Rewrite;
            default:
                return TypeChange.Rewrite;
        }
    }

    private static int Scale(ParsedType type) => type.Arguments.Length > 1 ? type.Arguments[1] : 0;

    private static ParsedType Parse(string normalized)
    {
        var match = TypeWithModifiers.Match(normalized);
        if (!match.Success)
        {
            return new ParsedType(normalized, Array.Empty<int>(), string.Empty);
        }

        var arguments = new List<int>();
        if (match.Groups["args"].Success)
        {
            foreach (var part in match.Groups["args"].Value.Split(','))
            {
                if (int.TryParse(part.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
                {
                    arguments.Add(value);
                }
            }
        }

        return new ParsedType(match.Groups["name"].Value.Trim(), arguments.ToArray(), match.Groups["array"].Value);
    }

    private sealed class ParsedType
    {
        public ParsedType(string name, int[] arguments, string array)
        {
            Name = name;
            Arguments = arguments;
            Array = array;
        }

        public string Name { get; }

        public int[] Arguments { get; }

        public string Array { get; }
    }
}
