using System.Text.RegularExpressions;

namespace Migrations.Runtime.BuildValidation;

/// <summary>
/// A CI build (ContinuousIntegrationBuild in a git checkout, or any PathMap) writes its source paths into the PDB as
/// "/_/…" ("/_1/…" for a second source root), so binaries do not carry the build machine's folders. Findings and report
/// links need the real file: it is found again under the folders the assembly sits in, since a checkout holds both the
/// sources and the bin/ folder built from them.
/// </summary>
internal static partial class DeterministicSourcePath
{
    /// <summary>The file on this machine, or <paramref name="file"/> itself when it is not mapped or not found.</summary>
    public static string Resolve(string file, string assemblyDirectory)
    {
        var mapped = MappedRoot().Match(file);
        if (!mapped.Success)
        {
            return file;
        }

        var relative = file[mapped.Length..];
        for (var folder = new DirectoryInfo(assemblyDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return file;
    }

    [GeneratedRegex(@"^/_\d*/")]
    private static partial Regex MappedRoot();
}
