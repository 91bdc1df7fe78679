using System;
using System.Globalization;
using Microsoft.CodeAnalysis.Operations;

namespace Migrations.Analyzers.Infrastructure;

/// <summary>The PostgreSQL type FluentMigrator 8's PostgresTypeMap emits for an As…() call.</summary>
internal static class ColumnTypes
{
    public static string? ToPostgres(IInvocationOperation typeCall) =>
        ToPostgres(typeCall.TargetMethod.Name, Number(typeCall, "size"), Number(typeCall, "precision"), FluentChain.FirstString(typeCall));

    /// <summary>The type for method <paramref name="method"/> (AsString, AsDecimal …) with its size/precision, or AsCustom's text.</summary>
    public static string? ToPostgres(string method, int? size, int? precision, string? custom)
    {
        switch (method)
        {
            case "AsString":
            case "AsAnsiString":
                return size == null || size == int.MaxValue ? "text" : "varchar(" + Text(size.Value) + ")";
            case "AsFixedLengthString":
            case "AsFixedLengthAnsiString":
                return "char(" + Text(size ?? 1) + ")";
            case "AsInt16":
            case "AsByte":
                return "smallint";
            case "AsInt32":
                return "integer";
            case "AsInt64":
                return "bigint";
            case "AsGuid":
                return "uuid";
            case "AsBoolean":
                return "boolean";
            case "AsDate":
                return "date";
            case "AsTime":
                return "time";
            case "AsDateTime":
            case "AsDateTime2":
                return "timestamp";
            case "AsDateTimeOffset":
                return "timestamptz";
            case "AsDecimal":
                return size == null ? "numeric(19,5)" : "numeric(" + Text(size.Value) + "," + Text(precision ?? 0) + ")";
            case "AsCurrency":
                return "money";
            case "AsDouble":
                return "double precision";
            case "AsFloat":
                return "real";
            case "AsBinary":
                return "bytea";
            case "AsXml":
                return "xml";
            case "AsCustom":
                return custom == null ? null : Migrations.Safety.Sql.PostgresTypes.Normalize(custom);
            default:
                return null;
        }
    }

    private static int? Number(IInvocationOperation call, string parameterName)
    {
        var value = FluentChain.Argument(call, parameterName);
        return value is int number ? number : (int?)null;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static bool IsJson(string? type) => string.Equals(type?.Trim(), "json", StringComparison.OrdinalIgnoreCase);
}
