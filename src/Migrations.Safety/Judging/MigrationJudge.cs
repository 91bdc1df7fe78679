using System.Collections.Generic;
using Migrations.Safety.Model;
using Migrations.Safety.Rules.Decisions;

namespace Migrations.Safety.Judging;

/// <summary>Runs every rule's decision over the operations of one migration, against the project's schema history.</summary>
public static class MigrationJudge
{
    private static readonly Dictionary<OperationKind, List<RuleDecision>> ByKind = Index(RuleDecisions.All);

    public static List<Verdict> Judge(MigrationOperations migration, SchemaTimeline timeline, JudgeSettings? settings = null)
    {
        var verdicts = new List<Verdict>();
        settings ??= JudgeSettings.Default;
        var context = new JudgeContext(migration, timeline, settings, verdicts);
        for (var index = 0; index < migration.Operations.Count; index++)
        {
            var operation = migration.Operations[index];
            if (!ByKind.TryGetValue(operation.Kind, out var decisions))
            {
                continue;
            }

            context.Current = operation;
            context.Position = index;
            foreach (var decision in decisions)
            {
                if (settings.IsEnabled(decision.RuleId))
                {
                    decision.Decide(operation, context);
                }
            }
        }

        return verdicts;
    }

    private static Dictionary<OperationKind, List<RuleDecision>> Index(IEnumerable<RuleDecision> decisions)
    {
        var index = new Dictionary<OperationKind, List<RuleDecision>>();
        foreach (var decision in decisions)
        {
            foreach (var kind in decision.Kinds)
            {
                if (!index.TryGetValue(kind, out var list))
                {
                    list = new List<RuleDecision>();
                    index[kind] = list;
                }

                list.Add(decision);
            }
        }

        return index;
    }
}
