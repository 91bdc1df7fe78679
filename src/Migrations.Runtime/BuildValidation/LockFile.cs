using System.Text.Json;
using System.Text.Json.Serialization;
using Migrations.Runtime.Rendering;

namespace Migrations.Runtime.BuildValidation;

/// <summary>
/// migrations.lock.json, committed next to the project: what each shipped migration renders to. The build compares
/// every migration with it (PGM200–PGM203); the deploy engine stores the same checksums in the database history.
/// </summary>
public sealed class LockFile
{
    public const string FileName = "migrations.lock.json";

    // Relaxed escaping keeps quotes readable in review diffs: the file is never embedded in HTML.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Format of this file; a newer tool may read older formats.</summary>
    public int FormatVersion { get; init; } = 1;

    /// <summary>How checksums were computed; a tool with a newer scheme re-hashes deliberately, never silently.</summary>
    public string HashScheme { get; init; } = MigrationChecksum.Scheme;

    public List<LockedMigration> Migrations { get; init; } = [];

    public static LockFile? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var lockFile = JsonSerializer.Deserialize<LockFile>(File.ReadAllText(path), Json) ?? new LockFile();
            if (lockFile.FormatVersion != 1 || lockFile.HashScheme != MigrationChecksum.Scheme)
            {
                // A newer SDK wrote it: comparing its checksums with ours would report every migration as edited.
                throw new InvalidDataException($"{path} was written with format {lockFile.FormatVersion} and hash scheme '{lockFile.HashScheme}'; this SDK knows format 1 and '{MigrationChecksum.Scheme}'. Build with the SDK version that wrote it.");
            }

            return lockFile;
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{path} is not a valid lock file ({exception.Message.Split('.')[0]}). Restore it from version control.", exception);
        }
    }

    public void Write(string path)
    {
        Migrations.Sort((left, right) => left.Version.CompareTo(right.Version));
        var text = JsonSerializer.Serialize(this, Json).ReplaceLineEndings("\n") + "\n";
        if (!File.Exists(path) || File.ReadAllText(path) != text)
        {
            // MigrationsLockFile may point into a folder that does not exist yet (db/locks/…).
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllText(path, text);
        }
    }
}

/// <param name="Squashes">For a migration written by squash: the versions it replaced, whose entries it took over.</param>
public sealed record LockedMigration(
    long Version,
    string Name,
    [property: JsonConverter(typeof(JsonStringEnumConverter<FluentMigrator.TransactionBehavior>))] FluentMigrator.TransactionBehavior Transaction,
    string Checksum,
    IReadOnlyList<string> Sql,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<long>? Squashes = null);
