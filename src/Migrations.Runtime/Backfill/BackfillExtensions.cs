using FluentMigrator.Builders.Execute;

namespace Migrations.Runtime.Backfill;

/// <summary>
/// <c>Execute.Backfill("projects").Set("video_path = video_url").Where("video_path IS NULL")</c>: a data change run by
/// the bundle in key ranges, each batch its own short transaction, resumable, paced by the health of the database.
/// An extension of <c>Execute</c> (as FluentMigrator's own Postgres extensions extend its syntax) rather than a new base
/// class, so it fits any <c>Migration</c>. It needs <c>TransactionBehavior.None</c>: batches commit one by one.
/// </summary>
public static class BackfillExtensions
{
    public static IBackfillTableSyntax Backfill(this IExecuteExpressionRoot execute, string table)
    {
        ArgumentNullException.ThrowIfNull(execute);
        var definition = new BackfillDefinition(table);
        // FluentMigrator's Execute root keeps its context to itself; WithConnection is the public way to add an
        // expression. The bundle recognises the delegate's target and runs the backfill itself.
        execute.WithConnection(definition.RunWithoutTheBundle, "backfill " + table);
        return new BackfillBuilder(definition);
    }
}
