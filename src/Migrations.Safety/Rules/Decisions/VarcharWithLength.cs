using Migrations.Safety.Model;

namespace Migrations.Safety.Rules.Decisions;

/// <summary>PGM052 (opt-in): varchar(n) is cheap to widen but lowering its limit rewrites; text with a CHECK is simpler.</summary>
internal sealed class VarcharWithLength : ColumnTypeRule
{
    public VarcharWithLength()
        : base(RuleIds.VarcharWithLength)
    {
    }

    protected override object?[]? Judge(ColumnDefinition column, string type) =>
        DefinedColumns.Length(type, "varchar") is int length ? new object?[] { column.Name, length } : null;
}
