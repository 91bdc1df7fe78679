using Migrations.Safety.Model;

namespace Migrations.Safety.Rules.Decisions;

/// <summary>PGM050: a 32-bit key can run out, and widening it later rewrites the table.</summary>
internal sealed class Int32Key : ColumnTypeRule
{
    public Int32Key()
        : base(RuleIds.Int32Key)
    {
    }

    protected override object?[]? Judge(ColumnDefinition column, string type) =>
        (column.PrimaryKey || column.Identity) && (type == "integer" || type == "smallint" || type == "serial" || type == "smallserial")
            ? new object?[] { column.Name }
            : null;
}
