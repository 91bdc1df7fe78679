using Migrations.Safety.Model;
using Migrations.Safety.Sql;

namespace Migrations.Runtime.Rendering;

/// <summary>What a rendered migration does, read by the SQL reader: the operations the build and <c>test</c> judge.</summary>
internal static class RenderedOperations
{
    /// <summary>
    /// Each rendered statement is one command to PostgreSQL: the deploy sends FluentMigrator's statements (and each
    /// Execute.Sql text, however many statements it holds) one at a time. A backfill's batch template is one backfill.
    /// </summary>
    public static MigrationOperations Read(RenderedMigration rendered)
    {
        var numbering = new OperationNumbering(rendered.Migration.IsTransactional);
        var operations = new List<Operation>();
        for (var index = 0; index < rendered.Up.Count; index++)
        {
            var statement = index;
            if (rendered.UpBackfills.TryGetValue(index, out var walked))
            {
                operations.Add(SqlOperationReader.Backfill(walked, rendered.Up[index], numbering, new RenderedStatement(statement, 0)));
                continue;
            }

            operations.AddRange(SqlOperationReader.Read(rendered.Up[index], numbering, singleCommand: true, source: (offset, _) => new RenderedStatement(statement, offset)));
        }

        return new MigrationOperations(rendered.Migration.Version, rendered.Migration.Name, rendered.Migration.IsTransactional, operations);
    }
}

/// <summary>Where an operation of rendered SQL comes from: the statement's place in the migration's Up SQL, and the offset in it.</summary>
internal sealed record RenderedStatement(int Index, int Offset);
