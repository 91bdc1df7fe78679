using Migrations.Safety.Model;

namespace Migrations.Safety.Rules.Decisions;

/// <summary>PGM053: char(n) pads values with spaces.</summary>
internal sealed class FixedLengthChar : ColumnTypeRule
{
    public FixedLengthChar()
        : base(RuleIds.FixedLengthChar)
    {
    }

    protected override object?[]? Judge(ColumnDefinition column, string type) =>
        DefinedColumns.Length(type, "char") is int length ? new object?[] { column.Name, length } : null;
}
