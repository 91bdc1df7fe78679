using Migrations.Safety.Judging;
using Migrations.Safety.Model;

namespace Migrations.Safety.Rules.Decisions;

/// <summary>PGM002: CONCURRENTLY (and VACUUM) cannot run inside a transaction block; the deploy fails.</summary>
internal sealed class ConcurrentInTransaction : RuleDecision
{
    public ConcurrentInTransaction()
        : base(RuleIds.ConcurrentInTransaction, OperationKind.CreateIndex, OperationKind.DropIndex, OperationKind.Reindex, OperationKind.DetachPartition, OperationKind.Vacuum)
    {
    }

    public override void Decide(Operation operation, JudgeContext context)
    {
        if ((operation.Concurrently || operation.Kind == OperationKind.Vacuum) && JudgeContext.InTransaction(operation))
        {
            Report(context, OperationPart.Concurrently, Statement(operation));
        }
    }

    private static string Statement(Operation operation) => operation.Kind switch
    {
        OperationKind.CreateIndex => operation.Unique ? "CREATE UNIQUE INDEX CONCURRENTLY" : "CREATE INDEX CONCURRENTLY",
        OperationKind.DropIndex => "DROP INDEX CONCURRENTLY",
        OperationKind.Reindex => "REINDEX CONCURRENTLY",
        OperationKind.DetachPartition => "DETACH PARTITION CONCURRENTLY",
        _ => "VACUUM",
    };
}
