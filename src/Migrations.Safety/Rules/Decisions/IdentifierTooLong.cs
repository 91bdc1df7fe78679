using System.Collections.Generic;
using System.Text;
using Migrations.Safety.Judging;
using Migrations.Safety.Model;

namespace Migrations.Safety.Rules.Decisions;

/// <summary>PGM054: PostgreSQL truncates identifiers to 63 bytes without a word, so two long names can collide.</summary>
internal sealed class IdentifierTooLong : RuleDecision
{
    private const int MaxIdentifierBytes = 63;

    public IdentifierTooLong()
        : base(RuleIds.IdentifierTooLong, OperationKind.CreateTable, OperationKind.RenameTable, OperationKind.AddColumn, OperationKind.RenameColumn, OperationKind.CreateIndex, OperationKind.AddConstraint)
    {
    }

    public override void Decide(Operation operation, JudgeContext context)
    {
        foreach (var (identifier, source) in NamesGiven(operation))
        {
            var bytes = identifier == null ? 0 : Encoding.UTF8.GetByteCount(identifier);
            if (bytes > MaxIdentifierBytes)
            {
                context.ReportAt(RuleId, source, OperationPart.Name, identifier, bytes);
            }
        }
    }

    /// <summary>Each name the operation gives, with where the reader found it (a column's own argument in CREATE TABLE).</summary>
    private static IEnumerable<(string? Name, object? Source)> NamesGiven(Operation operation)
    {
        switch (operation.Kind)
        {
            case OperationKind.CreateTable:
                yield return (operation.Table?.Name, operation.SourceOf(OperationPart.Name));
                foreach (var column in operation.Columns)
                {
                    yield return (column.Name, column.Sources[OperationPart.Name] ?? operation.Source);
                }

                break;
            case OperationKind.RenameTable:
            case OperationKind.RenameColumn:
                yield return (operation.NewName, operation.SourceOf(OperationPart.Name));
                break;
            case OperationKind.AddColumn:
                yield return (operation.Column, operation.SourceOf(OperationPart.Name));
                break;
            default:
                yield return (operation.ObjectName, operation.SourceOf(OperationPart.Name));
                break;
        }
    }
}
