using Migrations.Safety.Model;

namespace Migrations.Safety.Rules.Decisions;

/// <summary>PGM037: json cannot be indexed or compared; changing it later rewrites the table.</summary>
internal sealed class JsonInsteadOfJsonb : ColumnTypeRule
{
    public JsonInsteadOfJsonb()
        : base(RuleIds.JsonInsteadOfJsonb)
    {
    }

    protected override object?[]? Judge(ColumnDefinition column, string type) => type == "json" ? new object?[] { column.Name } : null;
}
