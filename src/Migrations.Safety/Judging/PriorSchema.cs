namespace Migrations.Safety.Judging;

/// <summary>
/// What is known of the database before the first migration the timeline replays: nothing for a project's history
/// (a table the migrations never created is one that exists with rows), the live schema when <c>test</c> observes a
/// real database, or what a caller of <see cref="Sql.SqlLinter"/> says.
/// </summary>
public class PriorSchema
{
    public static readonly PriorSchema None = new PriorSchema();

    /// <summary>The column as it is before the migrations, or null when unknown.</summary>
    public virtual ColumnState? Column(string? schema, string table, string column) => null;

    /// <summary>The table exists before the migrations (and so holds rows).</summary>
    public virtual bool HasTable(string? schema, string table) => false;
}
