namespace Migrations.Runtime.Backfill;

/// <summary>The fluent syntax over one <see cref="BackfillDefinition"/>, filled in as the chain goes, like FluentMigrator's builders.</summary>
internal sealed class BackfillBuilder(BackfillDefinition definition) : IBackfillTableSyntax, IBackfillSelectSyntax, IBackfillSyntax
{
    public IBackfillTableSyntax InSchema(string schema)
    {
        definition.Schema = schema;
        return this;
    }

    public IBackfillSyntax Set(string assignments)
    {
        definition.Assignments = assignments;
        return this;
    }

    public IBackfillSyntax Delete()
    {
        definition.Deletes = true;
        return this;
    }

    public IBackfillSelectSyntax InsertInto(string table, params string[] columns)
    {
        definition.InsertTable = table;
        definition.InsertColumns = columns;
        return this;
    }

    public IBackfillSyntax Select(string expressions)
    {
        definition.SelectList = expressions;
        return this;
    }

    public IBackfillSyntax Where(string condition)
    {
        definition.Condition = condition;
        return this;
    }

    public IBackfillSyntax KeyedBy(string column)
    {
        definition.KeyColumn = column;
        return this;
    }

    public IBackfillSyntax TargetBatchDuration(TimeSpan duration)
    {
        definition.TargetBatchDuration = duration > TimeSpan.Zero ? duration : throw new ArgumentOutOfRangeException(nameof(duration), "The target batch duration must be more than 0.");
        return this;
    }

    public IBackfillSyntax BatchSize(int initial, int? maximum = null)
    {
        var most = maximum ?? Math.Max(initial, BackfillDefinition.DefaultMaximumBatchSize);
        if (initial < 1 || most < initial)
        {
            throw new ArgumentOutOfRangeException(nameof(initial), "Batch sizes must be at least 1, the maximum no less than the initial size.");
        }

        (definition.InitialBatchSize, definition.MaximumBatchSize) = (initial, most);
        return this;
    }

    public IBackfillSyntax PauseBetweenBatches(TimeSpan pause)
    {
        definition.Pause = pause >= TimeSpan.Zero ? pause : throw new ArgumentOutOfRangeException(nameof(pause), "The pause cannot be negative.");
        return this;
    }

    public IBackfillSyntax PauseBetweenBatches(double timesTheBatch)
    {
        definition.PauseMultiple = timesTheBatch >= 0 && double.IsFinite(timesTheBatch) ? timesTheBatch : throw new ArgumentOutOfRangeException(nameof(timesTheBatch), "The pause cannot be negative.");
        definition.Pause = null;
        return this;
    }
}
