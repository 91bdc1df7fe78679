using System.Collections.Generic;
using Migrations.Safety.Rules;

namespace Migrations.Safety.Sql
{
    /// <summary>The statements of one <see cref="SqlLinter.Lint"/> call, judged in order with the shared context.</summary>
    internal sealed class SqlLintBatch
    {
        private readonly SqlLintContext context;
        private readonly bool multiStatementCommand;
        private readonly Dictionary<string, string> notNullChecksAddedNotValid = new Dictionary<string, string>(SqlName.Comparer);

        public SqlLintBatch(SqlLintContext context, bool multiStatementCommand)
        {
            this.context = context;
            this.multiStatementCommand = multiStatementCommand;
        }

        public List<SqlFinding> Findings { get; } = new List<SqlFinding>();

        /// <summary>True when the statement shares a transaction with the migration's other statements.</summary>
        private bool Transactional => context.InTransaction || multiStatementCommand;

        public void Check(ClassifiedStatement statement, IReadOnlyList<SqlStatement> all, int index)
        {
            switch (statement.Kind)
            {
                case SqlStatementKind.CreateTable:
                case SqlStatementKind.CreateMaterializedView:
                    if (statement.Table != null)
                    {
                        context.AddCreatedTable(statement.Table.Name, statement.Table.Schema);
                    }

                    break;
                case SqlStatementKind.CreateIndex:
                    CheckConcurrent(statement, statement.Unique ? "CREATE UNIQUE INDEX CONCURRENTLY" : "CREATE INDEX CONCURRENTLY");
                    if (!statement.Concurrently && !context.IsCreatedTable(statement.Table))
                    {
                        Report(statement, RuleIds.IndexNotConcurrent, statement.ObjectName?.Name ?? SqlLintNames.Unnamed, SqlLintNames.TableName(statement));
                    }

                    break;
                case SqlStatementKind.DropIndex:
                    CheckConcurrent(statement, "DROP INDEX CONCURRENTLY");
                    if (!statement.Concurrently)
                    {
                        Report(statement, RuleIds.DropIndexNotConcurrent, statement.ObjectName?.Name ?? SqlLintNames.Unnamed);
                    }

                    break;
                case SqlStatementKind.Reindex:
                    CheckConcurrent(statement, "REINDEX CONCURRENTLY");
                    if (!statement.Concurrently)
                    {
                        Report(statement, RuleIds.AccessExclusiveMaintenance, "REINDEX without CONCURRENTLY");
                    }

                    break;
                case SqlStatementKind.Vacuum:
                    if (Transactional)
                    {
                        Report(statement, RuleIds.ConcurrentInTransaction, "VACUUM");
                    }

                    if (statement.Full)
                    {
                        Report(statement, RuleIds.AccessExclusiveMaintenance, "VACUUM FULL");
                    }

                    break;
                case SqlStatementKind.TransactionControl:
                    // Only the migration's own transaction counts: in a TransactionBehavior.None migration an explicit
                    // BEGIN … COMMIT is how statements are grouped on purpose.
                    if (context.InTransaction)
                    {
                        Report(statement, RuleIds.TransactionControlInTransaction, FirstWords(statement.Statement));
                    }

                    break;
                case SqlStatementKind.Cluster:
                    Report(statement, RuleIds.AccessExclusiveMaintenance, "CLUSTER");
                    break;
                case SqlStatementKind.RefreshMaterializedView:
                    if (!statement.Concurrently)
                    {
                        Report(statement, RuleIds.AccessExclusiveMaintenance, "REFRESH MATERIALIZED VIEW without CONCURRENTLY");
                    }

                    break;
                case SqlStatementKind.Lock:
                    Report(statement, RuleIds.AccessExclusiveMaintenance, "LOCK TABLE");
                    break;
                case SqlStatementKind.CreateTrigger:
                    if (!context.IsCreatedTable(statement.Table))
                    {
                        Report(statement, RuleIds.TableRewriteOrTriggerChange, "CREATE TRIGGER", SqlLintNames.TableName(statement), "takes a SHARE ROW EXCLUSIVE lock that blocks writes");
                    }

                    break;
                case SqlStatementKind.Update:
                case SqlStatementKind.Delete:
                    if (!statement.HasWhere && !context.IsCreatedTable(statement.Table))
                    {
                        var verb = statement.Kind == SqlStatementKind.Update ? "UPDATE" : "DELETE";
                        Report(statement, RuleIds.WholeTableDataChange, verb + " without a WHERE clause", SqlLintNames.TableName(statement));
                    }

                    break;
                case SqlStatementKind.Truncate:
                    Report(statement, RuleIds.Truncate, string.Join(", ", SqlLintNames.Names(statement.Tables)));
                    break;
                case SqlStatementKind.DropTable:
                    foreach (var table in statement.Tables)
                    {
                        if (!context.IsCreatedTable(table))
                        {
                            Report(statement, RuleIds.DropTable, table.Name);
                        }
                    }

                    break;
                case SqlStatementKind.DropSchema:
                    Report(statement, RuleIds.DropOrMoveSchema, "Dropping schema '" + statement.ObjectName?.Name + "'");
                    break;
                case SqlStatementKind.AlterSchemaRename:
                    Report(statement, RuleIds.DropOrMoveSchema, "Renaming schema '" + statement.ObjectName?.Name + "'");
                    break;
                case SqlStatementKind.AlterTypeRenameValue:
                    Report(statement, RuleIds.EnumValueChange, "Renaming value '" + statement.EnumValue + "' of enum '" + statement.ObjectName?.Name + "' breaks running code that still writes the old value");
                    break;
                case SqlStatementKind.AlterTypeAddValue:
                    CheckAddEnumValue(statement, all, index);
                    break;
                case SqlStatementKind.AlterTable:
                    AlterTableLintRules.Check(this, statement);
                    break;
            }
        }

        public SqlLintContext Context => context;

        public bool IsTransactional => Transactional;

        public Dictionary<string, string> NotNullChecksAddedNotValid => notNullChecksAddedNotValid;

        public void CheckConcurrent(ClassifiedStatement statement, string operation)
        {
            if (statement.Concurrently && Transactional)
            {
                Report(statement, RuleIds.ConcurrentInTransaction, operation);
            }
        }

        public void Report(ClassifiedStatement statement, string ruleId, params object[] arguments) =>
            Report(statement.Statement, statement.Statement.Offset, statement.Statement.Length, ruleId, arguments);

        public void Report(SqlStatement statement, int offset, int length, string ruleId, params object[] arguments) =>
            Findings.Add(new SqlFinding(ruleId, RuleCatalog.Get(ruleId).FormatMessage(arguments), offset, length, statement.Text, arguments));

        /// <summary>"COMMIT", "START TRANSACTION": the statement's leading keywords, for the message.</summary>
        private static string FirstWords(SqlStatement statement)
        {
            var words = new List<string>();
            foreach (var token in statement.Tokens)
            {
                if (token.IsTrivia)
                {
                    continue;
                }

                if (words.Count == 2 || !char.IsLetter(token.Text[0]))
                {
                    break;
                }

                words.Add(token.Text.ToUpperInvariant());
            }

            return words.Count == 2 && words[1] != "TRANSACTION" && words[1] != "WORK" ? words[0] : string.Join(" ", words);
        }

        private void CheckAddEnumValue(ClassifiedStatement statement, IReadOnlyList<SqlStatement> all, int index)
        {
            var type = statement.ObjectName?.Name;
            if (Transactional && context.PostgresVersion < 12)
            {
                Report(statement, RuleIds.EnumValueChange, "ALTER TYPE " + type + " ADD VALUE cannot run inside a transaction block before PostgreSQL 12");
                return;
            }

            if (!Transactional || statement.EnumValue == null)
            {
                return;
            }

            for (var later = index + 1; later < all.Count; later++)
            {
                foreach (var token in all[later].Tokens)
                {
                    if (token.Kind == SqlTokenKind.StringLiteral && SqlLiterals.Unquote(token.Text) == statement.EnumValue)
                    {
                        Report(statement, RuleIds.EnumValueChange, "Enum value '" + statement.EnumValue + "' of '" + type + "' is used in the transaction that adds it, which fails until the transaction commits");
                        return;
                    }
                }
            }
        }
    }

    internal static class SqlLintNames
    {
        public const string Unnamed = "(unnamed)";

        public static string TableName(ClassifiedStatement statement) => statement.Table?.Name ?? Unnamed;

        public static IEnumerable<string> Names(IEnumerable<SqlName> names)
        {
            foreach (var name in names)
            {
                yield return name.Name;
            }
        }
    }
}
