using Migrations.Runtime.History;
using Npgsql;

namespace Migrations.Runtime.Schema.Catalog;

/// <summary>
/// The pg_catalog queries <see cref="CatalogReader"/> sends as one batch. Deparsed text comes from PostgreSQL's own
/// functions (pg_get_indexdef, pg_get_constraintdef, pg_get_expr, format_type, …), so equal schemas print equally.
/// The bundle's history tables, and every object that belongs to an extension, are left out.
/// </summary>
internal static class CatalogQueries
{
    /// <summary>The parameters <see cref="UserRelations"/> leaves out: the bundle's history, VersionInfo and backfill progress tables.</summary>
    public static void AddHistoryTables(NpgsqlParameterCollection parameters, string historySchema)
    {
        parameters.AddWithValue("history", $"{HistoryStore.Quote(historySchema)}.{HistoryStore.Quote(HistoryStore.TableName)}");
        parameters.AddWithValue("versioninfo", $"{HistoryStore.Quote(historySchema)}.{HistoryStore.Quote(HistoryStore.VersionInfoTableName)}");
        parameters.AddWithValue("backfill", $"{HistoryStore.Quote(historySchema)}.{HistoryStore.Quote(HistoryStore.BackfillTableName)}");
    }

    private const string UserNamespace = """
        n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'
        """;

    /// <summary>The user's relations (not the history tables, their indexes and sequences, nor extension members) as CTE <c>rel</c>.</summary>
    public const string UserRelations = $$"""
        excluded AS (
            SELECT unnest(ARRAY[to_regclass(@history), to_regclass(@versioninfo), to_regclass(@backfill)])::oid AS oid
        ),
        excluded_all AS (
            SELECT oid FROM excluded WHERE oid IS NOT NULL
            UNION SELECT i.indexrelid FROM pg_index i WHERE i.indrelid IN (SELECT oid FROM excluded)
            UNION SELECT d.objid FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.refobjid IN (SELECT oid FROM excluded)
        ),
        rel AS (
            SELECT c.oid, c.relname, c.relkind, n.nspname
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE {{UserNamespace}}
              AND c.oid NOT IN (SELECT oid FROM excluded_all)
              AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
        )
        """;

    /// <summary>Sets the search path for the rest of the batch (one implicit transaction), then names the reader and the keywords.</summary>
    public const string Session = """
        SELECT set_config('search_path', quote_ident(@schema), true), current_user::text,
               (SELECT jsonb_agg(word) FROM pg_get_keywords() WHERE catcode <> 'U')::text
        """;

    public static readonly string Schemas = $$"""
        SELECT n.oid, n.nspname::text, pg_get_userbyid(n.nspowner)::text, obj_description(n.oid, 'pg_namespace'), {{Acl("n.nspacl", "'n'", "n.nspowner")}}
        FROM pg_namespace n
        WHERE {{UserNamespace}} AND NOT {{ExtensionMember("pg_namespace", "n.oid")}}
        ORDER BY n.nspname
        """;

    public const string Extensions = """
        SELECT e.oid, e.extname::text, e.extversion, n.nspname::text FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace ORDER BY e.extname
        """;

    public static readonly string Collations = $$"""
        SELECT co.oid, n.nspname::text, co.collname::text, pg_get_userbyid(co.collowner)::text, obj_description(co.oid, 'pg_collation'), to_jsonb(co)::text
        FROM pg_collation co JOIN pg_namespace n ON n.oid = co.collnamespace
        WHERE {{UserNamespace}} AND NOT {{ExtensionMember("pg_collation", "co.oid")}}
        ORDER BY n.nspname, co.collname
        """;

    public static readonly string Types = $$"""
        SELECT t.oid, n.nspname::text, t.typname::text, t.typtype::text, pg_get_userbyid(t.typowner)::text, obj_description(t.oid, 'pg_type'), {{Acl("t.typacl", "'T'", "t.typowner")}},
               CASE WHEN t.typtype = 'e' THEN (SELECT jsonb_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid)::text END,
               CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END,
               t.typnotnull, t.typdefault,
               CASE WHEN t.typtype = 'd' AND t.typcollation <> (SELECT b.typcollation FROM pg_type b WHERE b.oid = t.typbasetype) THEN {{CollationName("t.typcollation")}} END,
               CASE WHEN t.typtype = 'd' THEN (SELECT jsonb_agg(jsonb_build_array(c.conname, pg_get_constraintdef(c.oid)) ORDER BY c.conname) FROM pg_constraint c WHERE c.contypid = t.oid AND c.contype = 'c')::text END,
               CASE WHEN t.typtype = 'c' THEN (
                   SELECT jsonb_agg(jsonb_build_array(a.attname, format_type(a.atttypid, a.atttypmod)
                          || CASE WHEN a.attcollation <> at.typcollation THEN ' COLLATE ' || {{CollationName("a.attcollation")}} ELSE '' END) ORDER BY a.attnum)
                   FROM pg_attribute a JOIN pg_type at ON at.oid = a.atttypid WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped)::text END
        FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE {{UserNamespace}} AND NOT {{ExtensionMember("pg_type", "t.oid")}}
          AND (t.typtype IN ('e', 'd') OR (t.typtype = 'c' AND (SELECT c.relkind FROM pg_class c WHERE c.oid = t.typrelid) = 'c'))
        ORDER BY n.nspname, t.typname
        """;

    public static readonly string Relations = "WITH " + UserRelations + $$"""
        SELECT c.oid, r.nspname::text, r.relname::text, r.relkind::text, c.relpersistence = 'u', pg_get_userbyid(c.relowner)::text, obj_description(c.oid, 'pg_class'),
               {{Acl("c.relacl", "(CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END)::\"char\"", "c.relowner")}},
               coalesce(to_jsonb(c.reloptions), '[]')::text, c.relrowsecurity, c.relforcerowsecurity,
               CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END,
               CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END,
               (SELECT jsonb_agg(jsonb_build_array(pn.nspname, pc.relname, pc.oid::bigint) ORDER BY i.inhseqno)
                FROM pg_inherits i JOIN pg_class pc ON pc.oid = i.inhparent JOIN pg_namespace pn ON pn.oid = pc.relnamespace WHERE i.inhrelid = c.oid)::text,
               CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid) END,
               c.reltype
        FROM rel r JOIN pg_class c ON c.oid = r.oid
        WHERE r.relkind IN ('r', 'p', 'v', 'm', 'S')
        ORDER BY r.nspname, r.relname
        """;

    public const string Sequences = "WITH " + UserRelations + """
        SELECT s.seqrelid, format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,
               d.refobjid, da.attname::text, d.deptype = 'i'
        FROM pg_sequence s JOIN rel r ON r.oid = s.seqrelid
        LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.seqrelid AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
        LEFT JOIN pg_attribute da ON da.attrelid = d.refobjid AND da.attnum = d.refobjsubid
        ORDER BY r.nspname, r.relname
        """;

    public static readonly string Columns = "WITH " + UserRelations + $$"""
        SELECT a.attrelid, a.attname::text, format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid), a.attgenerated = 's',
               nullif(a.attidentity, '')::text,
               CASE WHEN a.attcollation <> t.typcollation THEN {{CollationName("a.attcollation")}} END,
               col_description(a.attrelid, a.attnum),
               {{Acl("a.attacl", null, "c.relowner")}},
               a.attislocal
        FROM rel r JOIN pg_attribute a ON a.attrelid = r.oid JOIN pg_class c ON c.oid = r.oid JOIN pg_type t ON t.oid = a.atttypid
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE r.relkind IN ('r', 'p', 'v', 'm') AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY a.attrelid, a.attnum
        """;

    public const string Constraints = "WITH " + UserRelations + """
        SELECT c.oid, c.conrelid, c.conname::text, c.contype::text, pg_get_constraintdef(c.oid), NOT c.conislocal OR c.conparentid <> 0,
               obj_description(c.oid, 'pg_constraint'),
               (SELECT jsonb_agg(a.attname ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum)::text,
               fn.nspname::text, fc.relname::text,
               (SELECT jsonb_agg(a.attname ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum)::text,
               c.confupdtype::text, c.confdeltype::text, c.conindid, c.conparentid
        FROM pg_constraint c JOIN rel t ON t.oid = c.conrelid
        LEFT JOIN pg_class fc ON fc.oid = c.confrelid LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
        WHERE c.contype IN ('p', 'u', 'f', 'c', 'x')
        ORDER BY c.conrelid, c.conname
        """;

    public const string Indexes = "WITH " + UserRelations + """
        SELECT i.indexrelid, i.indrelid, r.nspname::text, r.relname::text, pg_get_indexdef(i.indexrelid), i.indisunique, i.indisvalid,
               EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x')),
               am.amname::text,
               (SELECT jsonb_agg(jsonb_build_array(CASE WHEN i.indkey[k] = 0 THEN NULL ELSE a.attname END, (i.indoption[k] & 1) = 1) ORDER BY k)
                FROM generate_series(0, i.indnkeyatts - 1) k LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k])::text,
               (SELECT jsonb_agg(a.attname ORDER BY k)
                FROM generate_series(i.indnkeyatts, i.indnatts - 1) k JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k])::text,
               pg_get_expr(i.indpred, i.indrelid), obj_description(i.indexrelid, 'pg_class'),
               coalesce((SELECT h.inhparent FROM pg_inherits h WHERE h.inhrelid = i.indexrelid), 0)
        FROM pg_index i JOIN rel r ON r.oid = i.indexrelid JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam
        ORDER BY i.indrelid, r.relname
        """;

    public const string Triggers = "WITH " + UserRelations + """
        SELECT t.oid, t.tgrelid, t.tgname::text, pg_get_triggerdef(t.oid), t.tgenabled::text, t.tgparentid, obj_description(t.oid, 'pg_trigger')
        FROM pg_trigger t JOIN rel r ON r.oid = t.tgrelid
        WHERE NOT t.tgisinternal
        ORDER BY t.tgrelid, t.tgname
        """;

    public const string Policies = "WITH " + UserRelations + """
        SELECT p.oid, p.polrelid, p.polname::text, p.polpermissive,
               CASE p.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE' WHEN 'd' THEN 'DELETE' ELSE 'ALL' END,
               (SELECT jsonb_agg(CASE WHEN role = 0 THEN NULL ELSE pg_get_userbyid(role) END) FROM unnest(p.polroles) role)::text,
               pg_get_expr(p.polqual, p.polrelid), pg_get_expr(p.polwithcheck, p.polrelid), obj_description(p.oid, 'pg_policy')
        FROM pg_policy p JOIN rel r ON r.oid = p.polrelid
        ORDER BY p.polrelid, p.polname
        """;

    /// <summary>Functions, procedures and aggregates; an aggregate's CREATE AGGREGATE options are assembled here.</summary>
    public static readonly string Routines = $$"""
        SELECT p.oid, n.nspname::text, p.proname::text, pg_get_function_identity_arguments(p.oid), p.prokind::text,
               CASE WHEN p.prokind = 'a' THEN (
                   SELECT concat_ws(', ', 'SFUNC = ' || a.aggtransfn::regproc, 'STYPE = ' || format_type(a.aggtranstype, NULL),
                                    CASE WHEN a.aggfinalfn <> 0 THEN 'FINALFUNC = ' || a.aggfinalfn::regproc END,
                                    CASE WHEN a.agginitval IS NOT NULL THEN 'INITCOND = ' || quote_literal(a.agginitval) END,
                                    CASE WHEN a.aggcombinefn <> 0 THEN 'COMBINEFUNC = ' || a.aggcombinefn::regproc END,
                                    CASE WHEN a.aggsortop <> 0 THEN 'SORTOP = ' || (SELECT o.oprname FROM pg_operator o WHERE o.oid = a.aggsortop) END,
                                    CASE p.proparallel WHEN 's' THEN 'PARALLEL = SAFE' WHEN 'r' THEN 'PARALLEL = RESTRICTED' END,
                                    CASE WHEN a.aggkind <> 'n' THEN 'ORDERED-SET AGGREGATES ARE NOT SUPPORTED' END)
                   FROM pg_aggregate a WHERE a.aggfnoid = p.oid)
               ELSE pg_get_functiondef(p.oid) END,
               pg_get_userbyid(p.proowner)::text, obj_description(p.oid, 'pg_proc'), {{Acl("p.proacl", "'f'", "p.proowner")}}
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE {{UserNamespace}} AND p.prokind IN ('f', 'p', 'a', 'w') AND NOT {{ExtensionMember("pg_proc", "p.oid")}}
        ORDER BY n.nspname, p.proname, 4
        """;

    public const string DefaultPrivileges = """
        SELECT pg_get_userbyid(d.defaclrole)::text, n.nspname::text, d.defaclobjtype::text,
               (SELECT coalesce(jsonb_agg(jsonb_build_array(CASE WHEN a.grantee = 0 THEN NULL ELSE pg_get_userbyid(a.grantee) END, a.privilege_type, a.is_grantable)), '[]')
                FROM aclexplode(d.defaclacl) a WHERE a.grantee <> d.defaclrole)::text
        FROM pg_default_acl d LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace
        ORDER BY 1, 2 NULLS FIRST, 3
        """;

    /// <summary>
    /// Normal dependencies between user objects, each side named as the object that is created on its own: a column
    /// default, check or rule stands for its table or view, a row type for its table, an array for its element type.
    /// "r:oid" relation, "t:oid" type, "p:oid" routine, "c:oid" foreign key, "g:oid" trigger, "o:oid" policy, "l:oid" collation.
    /// </summary>
    public const string Dependencies = """
        WITH deps AS (
            SELECT d.classid, d.objid, d.refclassid, d.refobjid FROM pg_depend d
            WHERE d.deptype = 'n' AND d.objid >= 16384 AND d.refobjid >= 16384
        ),
        named AS (
            SELECT CASE d.classid
                       WHEN 'pg_class'::regclass THEN (SELECT CASE WHEN c.relkind = 'c' THEN 't:' || c.reltype ELSE 'r:' || c.oid END FROM pg_class c WHERE c.oid = d.objid)
                       WHEN 'pg_rewrite'::regclass THEN (SELECT 'r:' || w.ev_class FROM pg_rewrite w WHERE w.oid = d.objid)
                       WHEN 'pg_attrdef'::regclass THEN (SELECT 'r:' || a.adrelid FROM pg_attrdef a WHERE a.oid = d.objid)
                       WHEN 'pg_constraint'::regclass THEN (SELECT CASE WHEN k.contype = 'f' THEN 'c:' || k.oid WHEN k.contypid <> 0 THEN 't:' || k.contypid ELSE 'r:' || k.conrelid END FROM pg_constraint k WHERE k.oid = d.objid)
                       WHEN 'pg_proc'::regclass THEN 'p:' || d.objid
                       WHEN 'pg_type'::regclass THEN 't:' || d.objid
                       WHEN 'pg_trigger'::regclass THEN 'g:' || d.objid
                       WHEN 'pg_policy'::regclass THEN 'o:' || d.objid
                   END AS source,
                   CASE d.refclassid
                       WHEN 'pg_class'::regclass THEN (SELECT CASE WHEN c.relkind = 'c' THEN 't:' || c.reltype ELSE 'r:' || c.oid END FROM pg_class c WHERE c.oid = d.refobjid)
                       WHEN 'pg_type'::regclass THEN (
                           SELECT CASE WHEN b.typrelid <> 0 AND (SELECT c.relkind FROM pg_class c WHERE c.oid = b.typrelid) <> 'c' THEN 'r:' || b.typrelid ELSE 't:' || b.oid END
                           FROM pg_type t JOIN pg_type b ON b.oid = CASE WHEN t.typelem <> 0 AND t.typlen = -1 THEN t.typelem ELSE t.oid END
                           WHERE t.oid = d.refobjid)
                       WHEN 'pg_proc'::regclass THEN 'p:' || d.refobjid
                       WHEN 'pg_collation'::regclass THEN 'l:' || d.refobjid
                   END AS target
            FROM deps d
        )
        SELECT DISTINCT source, target FROM named WHERE source IS NOT NULL AND target IS NOT NULL AND source <> target
        """;

    /// <summary>aclexplode of an ACL (or, given the object kind, its default when it is NULL), without the owner's own privileges, as JSON.</summary>
    private static string Acl(string acl, string? kind, string owner) => $$"""
        (SELECT coalesce(jsonb_agg(jsonb_build_array(CASE WHEN a.grantee = 0 THEN NULL ELSE pg_get_userbyid(a.grantee) END, a.privilege_type, a.is_grantable)), '[]')
         FROM aclexplode({{(kind is null ? acl : $"coalesce({acl}, acldefault({kind}, {owner}))")}}) a WHERE a.grantee <> {{owner}})::text
        """;

    /// <summary>A collation as SQL names it: "C" for the built-in ones, schema-qualified for the others.</summary>
    private static string CollationName(string oid) => $$"""
        (SELECT CASE WHEN cn.nspname = 'pg_catalog' THEN quote_ident(co.collname) ELSE quote_ident(cn.nspname) || '.' || quote_ident(co.collname) END
         FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = {{oid}})
        """;

    private static string ExtensionMember(string catalog, string oid) =>
        $"EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '{catalog}'::regclass AND e.objid = {oid} AND e.deptype = 'e')";
}
