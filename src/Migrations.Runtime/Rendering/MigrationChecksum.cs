using System.Security.Cryptography;
using System.Text;
using Migrations.Safety.Sql;

namespace Migrations.Runtime.Rendering;

/// <summary>
/// The checksum of a migration: sha256 over its normalised Up SQL. The lock file and the database history store the
/// same value. The scheme is versioned so a later tool version can re-hash deliberately rather than by accident.
/// </summary>
public static class MigrationChecksum
{
    public const string Scheme = "sha256-normalized-v1";

    public static string Compute(IEnumerable<string> upStatements)
    {
        var canonical = string.Join(";\n", upStatements.Select(SqlNormalizer.Normalize).Where(text => text.Length > 0));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
