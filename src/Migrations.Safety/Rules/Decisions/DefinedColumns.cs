using System.Collections.Generic;
using Migrations.Safety.Model;

namespace Migrations.Safety.Rules.Decisions;

/// <summary>The columns an operation gives a type: CREATE TABLE's, ADD COLUMN's, and ALTER COLUMN … TYPE's new type.</summary>
internal static class DefinedColumns
{
    public static readonly OperationKind[] Kinds = { OperationKind.CreateTable, OperationKind.AddColumn, OperationKind.AlterColumnType };

    public static IEnumerable<ColumnDefinition> Of(Operation operation)
    {
        switch (operation.Kind)
        {
            case OperationKind.CreateTable:
                return operation.Columns;
            case OperationKind.AddColumn when operation.Definition != null:
                return new[] { operation.Definition };
            case OperationKind.AlterColumnType when operation.Column != null && operation.NewType != null:
                var altered = new ColumnDefinition(operation.Column) { Type = operation.NewType };
                altered.Sources[OperationPart.Type] = operation.SourceOf(OperationPart.Type);
                return new[] { altered };
            default:
                return new ColumnDefinition[0];
        }
    }

    /// <summary>"varchar(100)" → 100; null when the type has no single length.</summary>
    public static int? Length(string type, string name)
    {
        if (!type.StartsWith(name + "(", System.StringComparison.Ordinal) || !type.EndsWith(")", System.StringComparison.Ordinal))
        {
            return null;
        }

        return int.TryParse(type.Substring(name.Length + 1, type.Length - name.Length - 2), out var length) ? length : (int?)null;
    }
}
