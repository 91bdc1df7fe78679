using Migrations.Runtime.Connection;
using Migrations.Runtime.Discovery;
using Migrations.Runtime.Outcomes;
using Migrations.Safety.Sql;

namespace Migrations.Runtime.Engine;

/// <summary>
/// A deploy to a tenant's schema (<c>?schema=tenant_a</c>) puts every unqualified object there. A migration that names
/// another schema itself — <c>InSchema("public")</c>, or <c>public.customers</c> in raw SQL — would reach past the
/// tenant: the first tenant creates the object and the next fails with "already exists", halfway through its deploy.
/// Checked on the SQL the deploy is about to run, before anything runs.
/// </summary>
internal static class TenantSchemaGuard
{
    /// <summary>PostgreSQL's own schemas: naming them (pg_catalog.now()) never lands an object of ours there.</summary>
    private static readonly HashSet<string> SystemSchemas = new(StringComparer.Ordinal) { "pg_catalog", "information_schema", "pg_temp" };

    public static void RefuseOtherSchemas(ConnectionSettings settings, IEnumerable<(MigrationDescriptor Migration, IReadOnlyList<string> Statements)> plan, IReadOnlyCollection<string> allowed)
    {
        if (settings.TenantSchema is not { } tenant)
        {
            return;
        }

        foreach (var (migration, statements) in plan)
        {
            foreach (var statement in statements.SelectMany(SqlStatementSplitter.Split))
            {
                var classified = SqlStatementClassifier.Classify(statement);
                var other = SchemasWritten(classified).FirstOrDefault(schema => schema != tenant && !SystemSchemas.Contains(schema) && !allowed.Contains(schema));
                if (other is not null)
                {
                    throw new BundleFailure(Outcome.Refused,
                        $"Migration {migration.DisplayName} changes an object in schema '{other}' ({Output.MessageText.Excerpt(statement.Text, 80)}), but the connection names schema '{tenant}': every tenant would share that object and the next tenant's deploy would fail halfway. Leave the schema out (InSchema, or the prefix in SQL) so it follows the connection, or pass --allow-schema {other} if the object is meant to be shared. Nothing was changed.");
                }
            }
        }
    }

    /// <summary>The schemas a statement creates, alters, drops or writes objects in (not the ones it only reads or references).</summary>
    private static IEnumerable<string> SchemasWritten(ClassifiedStatement statement)
    {
        if (statement.Kind is SqlStatementKind.CreateSchema or SqlStatementKind.DropSchema or SqlStatementKind.AlterSchemaRename)
        {
            return statement.ObjectName is { } schema ? [schema.Name] : [];
        }

        return new[] { statement.Table, statement.ObjectName }.Concat(statement.Tables)
            .Select(name => name?.Schema)
            .OfType<string>();
    }
}
