using System.Text;
using Migrations.Runtime.Rendering;

namespace Migrations.Runtime.Script;

/// <summary>
/// Writes rendered migrations as one reviewable script, adding what FluentMigrator leaves out offline: the
/// transaction boundaries, and a clear mark on migrations that run outside a transaction.
/// </summary>
public static class SqlScriptWriter
{
    public static string Write(IEnumerable<RenderedMigration> migrations, bool down = false)
    {
        var builder = new StringBuilder();
        foreach (var rendered in migrations)
        {
            AppendMigration(builder, rendered, down);
        }

        return builder.ToString();
    }

    public static void AppendMigration(StringBuilder builder, RenderedMigration rendered, bool down)
    {
        var migration = rendered.Migration;
        var statements = down ? rendered.Down : rendered.Up;
        var problem = down ? rendered.DownProblem : rendered.UpProblem;
        builder.Append("-- ").Append(migration.Version).Append(' ').Append(migration.Name).Append(down ? " (Down)" : string.Empty).AppendLine();
        if (!string.IsNullOrEmpty(migration.Description))
        {
            builder.Append("-- ").AppendLine(migration.Description);
        }

        if (problem is not null)
        {
            builder.Append("-- WARNING: incomplete rendering: ").AppendLine(problem.Message);
        }

        if (migration.IsTransactional)
        {
            builder.AppendLine("BEGIN;");
        }
        else
        {
            builder.AppendLine("-- Runs outside a transaction (TransactionBehavior.None): each statement commits on its own.");
        }

        foreach (var statement in statements)
        {
            builder.Append(statement.TrimEnd());
            if (!statement.TrimEnd().EndsWith(';') && !statement.TrimStart().StartsWith("--", StringComparison.Ordinal))
            {
                builder.Append(';');
            }

            builder.AppendLine();
        }

        if (migration.IsTransactional)
        {
            builder.AppendLine("COMMIT;");
        }

        builder.AppendLine();
    }
}
