using System;
using System.Collections.Generic;
using System.Linq;
using Migrations.Safety.Judging;
using Migrations.Safety.Model;

namespace Migrations.Safety.Sql;

/// <summary>
/// Judges a SQL text on its own: the SQL reader's operations, appended to the migration the context stands for, judged
/// by the same rule decisions the analyzers and the build use. For callers that have SQL and no project history
/// (<c>test</c> observing a live database, the rule tests).
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

        var read = SqlOperationReader.Read(sql, context.Numbering, context.IsSingleCommand);
        context.Operations.AddRange(read);
        var migration = new MigrationOperations(1, "sql", context.InTransaction, context.Operations.ToList());
        var timeline = SchemaTimeline.Build(new[] { migration }, context.Prior);
        var judged = new HashSet<Operation>(read);
        return MigrationJudge.Judge(migration, timeline, new JudgeSettings { PostgresVersion = context.PostgresVersion })
            .Where(verdict => judged.Contains(verdict.Operation))
            .Select(verdict => new SqlFinding(verdict.RuleId, verdict.Message, verdict.Operation.TextOffset, verdict.Operation.Text.Length, verdict.Operation.Text, verdict.Arguments!))
            .ToList();
    }
}
