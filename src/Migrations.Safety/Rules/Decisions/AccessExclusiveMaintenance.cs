using Migrations.Safety.Judging;
using Migrations.Safety.Model;

namespace Migrations.Safety.Rules.Decisions;

/// <summary>PGM015: REINDEX, VACUUM FULL, CLUSTER, REFRESH MATERIALIZED VIEW and LOCK TABLE hold ACCESS EXCLUSIVE throughout.</summary>
internal sealed class AccessExclusiveMaintenance : RuleDecision
{
    public AccessExclusiveMaintenance()
        : base(RuleIds.AccessExclusiveMaintenance, OperationKind.Reindex, OperationKind.Vacuum, OperationKind.Cluster, OperationKind.RefreshMaterializedView, OperationKind.LockTable)
    {
    }

    public override void Decide(Operation operation, JudgeContext context)
    {
        var what = operation.Kind switch
        {
            OperationKind.Reindex when !operation.Concurrently => "REINDEX without CONCURRENTLY",
            OperationKind.Vacuum when operation.Full => "VACUUM FULL",
            OperationKind.Cluster => "CLUSTER",
            OperationKind.RefreshMaterializedView when !operation.Concurrently => "REFRESH MATERIALIZED VIEW without CONCURRENTLY",
            OperationKind.LockTable => "LOCK TABLE",
            _ => null,
        };
        if (what != null && !context.IsNewTable(operation.Table))
        {
            Report(context, OperationPart.Whole, what);
        }
    }
}
