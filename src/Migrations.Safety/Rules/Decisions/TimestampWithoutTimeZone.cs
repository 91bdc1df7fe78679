using Migrations.Safety.Model;

namespace Migrations.Safety.Rules.Decisions;

/// <summary>PGM051: timestamp without time zone loses the offset of what is written.</summary>
internal sealed class TimestampWithoutTimeZone : ColumnTypeRule
{
    public TimestampWithoutTimeZone()
        : base(RuleIds.TimestampWithoutTimeZone)
    {
    }

    protected override object?[]? Judge(ColumnDefinition column, string type) =>
        type == "timestamp" || type.StartsWith("timestamp(", System.StringComparison.Ordinal) ? new object?[] { column.Name } : null;
}
