using System.Linq;
using Migrations.Safety.Judging;
using Migrations.Safety.Model;
using Migrations.Safety.Sql;

namespace Migrations.Safety.Rules.Decisions;

/// <summary>
/// PGM036: renaming an enum value breaks running code; adding one fails in a transaction before 12, and a value added
/// in a transaction cannot be used before that transaction commits.
/// </summary>
internal sealed class EnumValueChange : RuleDecision
{
    public EnumValueChange()
        : base(RuleIds.EnumValueChange, OperationKind.AlterEnumRenameValue, OperationKind.AlterEnumAddValue)
    {
    }

    public override void Decide(Operation operation, JudgeContext context)
    {
        var type = operation.ObjectName;
        if (operation.Kind == OperationKind.AlterEnumRenameValue)
        {
            Report(context, OperationPart.Whole, "Renaming value '" + operation.EnumValue + "' of enum '" + type + "' breaks running code that still writes the old value");
            return;
        }

        if (!JudgeContext.InTransaction(operation))
        {
            return;
        }

        if (context.PostgresVersion < 12)
        {
            Report(context, OperationPart.Whole, "ALTER TYPE " + type + " ADD VALUE cannot run inside a transaction block before PostgreSQL 12");
        }
        else if (operation.EnumValue != null && context.Later().Any(later => later.TransactionId == operation.TransactionId && Uses(later.Text, operation.EnumValue)))
        {
            Report(context, OperationPart.Whole, "Enum value '" + operation.EnumValue + "' of '" + type + "' is used in the transaction that adds it, which fails until the transaction commits");
        }
    }

    private static bool Uses(string sql, string value) =>
        SqlLexer.Tokenize(sql).Any(token => token.Kind == SqlTokenKind.StringLiteral && SqlLiterals.Unquote(token.Text) == value);
}
