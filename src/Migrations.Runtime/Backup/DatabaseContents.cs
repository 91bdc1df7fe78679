using Npgsql;

namespace Migrations.Runtime.Backup;

/// <summary>
/// What a database holds besides what every new database has: relations, routines, types and schemas that are not
/// PostgreSQL's own or an extension's. "Empty" means none of them: only then may a restore drop what it replaced.
/// </summary>
internal sealed record DatabaseContents(long Relations, long Routines, long Types, long Schemas)
{
    public static readonly DatabaseContents Empty = new(0, 0, 0, 0);

    public bool IsEmpty => Relations + Routines + Types + Schemas == 0;

    public static async Task<DatabaseContents> CountAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            WITH own AS (SELECT oid FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\_toast%' AND nspname NOT LIKE 'pg\_temp%'),
                 extension_member AS (SELECT classid, objid FROM pg_depend WHERE deptype = 'e')
            SELECT
              (SELECT count(*) FROM pg_class c WHERE c.relnamespace IN (SELECT oid FROM own) AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
                 AND NOT EXISTS (SELECT 1 FROM extension_member e WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid)),
              (SELECT count(*) FROM pg_proc p WHERE p.pronamespace IN (SELECT oid FROM own)
                 AND NOT EXISTS (SELECT 1 FROM extension_member e WHERE e.classid = 'pg_proc'::regclass AND e.objid = p.oid)),
              (SELECT count(*) FROM pg_type t WHERE t.typnamespace IN (SELECT oid FROM own)
                 AND (t.typtype IN ('e', 'd', 'r') OR (t.typtype = 'c' AND EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = t.typrelid AND c.relkind = 'c')))
                 AND NOT EXISTS (SELECT 1 FROM extension_member e WHERE e.classid = 'pg_type'::regclass AND e.objid = t.oid)),
              (SELECT count(*) FROM own o WHERE (SELECT nspname FROM pg_namespace WHERE oid = o.oid) <> 'public'
                 AND NOT EXISTS (SELECT 1 FROM extension_member e WHERE e.classid = 'pg_namespace'::regclass AND e.objid = o.oid))
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new DatabaseContents(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    /// <summary>"12 tables, views or sequences, 2 functions" — only the kinds it has.</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        if (Relations > 0)
        {
            parts.Add($"{Relations} tables, views or sequences");
        }

        if (Routines > 0)
        {
            parts.Add($"{Routines} functions or procedures");
        }

        if (Types > 0)
        {
            parts.Add($"{Types} types");
        }

        if (Schemas > 0)
        {
            parts.Add($"{Schemas} schemas");
        }

        return parts.Count == 0 ? "nothing" : string.Join(", ", parts);
    }
}
