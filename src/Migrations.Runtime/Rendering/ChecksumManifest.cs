using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace Migrations.Runtime.Rendering;

/// <summary>
/// The checksums the build rendered, written beside the bundle assembly (<c>&lt;bundle&gt;.checksums</c>), so that
/// <c>status</c> run from the build output reads them instead of rendering every migration again (most of its time on a
/// large project). They are trusted only for the very code they were rendered from: the fingerprint holds the module
/// version id of the bundle and of every non-framework assembly it loads (helper projects, FluentMigrator, this runtime),
/// the runtime's version and the culture. A rebuilt or copied-in assembly, another reference, an edited or unreadable
/// file, a migration it does not list: the manifest is ignored and status renders, as it always did.
/// A published single file has no such file beside it and renders.
/// </summary>
internal static class ChecksumManifest
{
    private const string Header = "migrations-checksums " + MigrationChecksum.Scheme;

    public static void Write(Assembly bundle, IEnumerable<RenderedMigration> rendered)
    {
        if (PathOf(bundle) is not { } path || Fingerprint(bundle) is not { } fingerprint)
        {
            return;
        }

        var text = new StringBuilder().Append(Header).Append('\n').Append(fingerprint).Append('\n');
        foreach (var migration in rendered)
        {
            text.Append(migration.Migration.Version.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(migration.Checksum).Append('\n');
        }

        File.WriteAllText(path, text.ToString());
    }

    /// <summary>The checksum of every version asked for, or null when the manifest cannot vouch for all of them.</summary>
    public static Dictionary<long, string>? Read(Assembly bundle, IEnumerable<long> versions)
    {
        string[] lines;
        try
        {
            lines = PathOf(bundle) is { } path && File.Exists(path) ? File.ReadAllLines(path) : [];
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        if (lines.Length < 2 || lines[0] != Header || Fingerprint(bundle) is not { } fingerprint || lines[1] != fingerprint)
        {
            return null;
        }

        var recorded = new Dictionary<long, string>();
        foreach (var line in lines.Skip(2))
        {
            var parts = line.Split(' ');
            if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var version))
            {
                return null;
            }

            recorded[version] = parts[1];
        }

        var checksums = new Dictionary<long, string>();
        foreach (var version in versions)
        {
            if (!recorded.TryGetValue(version, out var checksum))
            {
                return null;
            }

            checksums[version] = checksum;
        }

        return checksums;
    }

    /// <summary>Beside the assembly on disk; none for an assembly loaded from memory or a single-file bundle.</summary>
    private static string? PathOf(Assembly bundle) =>
        string.IsNullOrEmpty(bundle.Location) ? null : Path.ChangeExtension(bundle.Location, ".checksums");

    /// <summary>
    /// What the rendering depends on besides the framework, which <see cref="Environment.Version"/> stands for. None where
    /// the framework cannot be told apart from the application's own assemblies (a self-contained build output holds
    /// both in one folder): no manifest is written or read there.
    /// </summary>
    private static string? Fingerprint(Assembly bundle)
    {
        var framework = RuntimeEnvironment.GetRuntimeDirectory();
        if (Path.TrimEndingDirectorySeparator(framework) == Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory))
        {
            return null;
        }

        var modules = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var pending = new Queue<Assembly>([bundle, typeof(ChecksumManifest).Assembly]);
        while (pending.TryDequeue(out var assembly))
        {
            var name = assembly.GetName().Name ?? string.Empty;
            if (modules.ContainsKey(name) || (assembly.Location.Length > 0 && assembly.Location.StartsWith(framework, StringComparison.Ordinal)))
            {
                continue;
            }

            modules[name] = assembly.ManifestModule.ModuleVersionId.ToString("N");
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                try
                {
                    pending.Enqueue(Assembly.Load(reference));
                }
                catch (Exception exception) when (exception is FileNotFoundException or FileLoadException or BadImageFormatException)
                {
                    modules.TryAdd(reference.Name ?? string.Empty, "missing");
                }
            }
        }

        var identity = $"{Environment.Version} {CultureInfo.CurrentCulture.Name} " + string.Join(" ", modules.Select(module => $"{module.Key}={module.Value}"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)));
    }
}
