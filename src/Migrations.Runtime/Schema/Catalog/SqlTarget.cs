namespace Migrations.Runtime.Schema.Catalog;

/// <summary>
/// How one object is named in snapshot keys and in the statements that comment on it, grant on it and give it away.
/// </summary>
/// <param name="Kind">"table", "column", "function" … as keys say it.</param>
/// <param name="Key">"public.users" — schema-qualified, as keys name it.</param>
/// <param name="Sql">What follows COMMENT ON and ALTER … OWNER TO: "TABLE users", "FUNCTION f(a integer)".</param>
/// <param name="GrantOn">What follows GRANT … ON, or null where nothing can be granted.</param>
public sealed record SqlTarget(string Kind, string Key, string Sql, string? GrantOn)
{
    public string Describe => $"{Kind} {Key}";
}
