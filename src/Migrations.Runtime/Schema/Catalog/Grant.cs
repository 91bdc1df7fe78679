namespace Migrations.Runtime.Schema.Catalog;

/// <summary>One privilege on one object, as aclexplode reports it; the owner's own privileges are left out.</summary>
/// <param name="Grantee">The role, or null for PUBLIC.</param>
public sealed record Grant(string? Grantee, string Privilege, bool Grantable);
