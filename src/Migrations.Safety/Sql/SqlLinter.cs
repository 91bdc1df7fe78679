using System;
using System.Collections.Generic;
using Migrations.Safety.Rules;

namespace Migrations.Safety.Sql
{
    /// <summary>
    /// Applies the raw-SQL forms of the PGM0xx and PGM03x rules to a SQL text. Used by the analyzers on Execute.Sql
    /// literals and by the build validation on the SQL FluentMigrator renders.
    /// </summary>
    public static class SqlLinter
    {
        public static IReadOnlyList<SqlFinding> Lint(string sql, SqlLintContext context)
        {
            if (sql == null)
            {
                throw new ArgumentNullException(nameof(sql));
            }

            if (context == null)
            {
                throw new ArgumentNullException(nameof(context));
            }

            var statements = SqlStatementSplitter.Split(sql);
            var batch = new SqlLintBatch(context, statements.Count > 1 && context.IsSingleCommand);
            if (!context.InTransaction)
            {
                // Without a migration transaction each command commits on its own: earlier NOT VALID adds are committed.
                context.ForgetNotValidConstraints();
            }

            for (var index = 0; index < statements.Count; index++)
            {
                var statement = SqlStatementClassifier.Classify(statements[index]);
                batch.Check(statement, statements, index);
            }

            if (!context.InTransaction)
            {
                context.ForgetNotValidConstraints();
            }

            return batch.Findings;
        }
    }
}
