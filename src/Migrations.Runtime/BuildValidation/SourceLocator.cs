using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;

namespace Migrations.Runtime.BuildValidation;

/// <summary>
/// Finds where a migration class is declared, so build diagnostics point at it: the PDB names the source file of the
/// type's methods, and the declaration line is found in that file. Types without methods with sequence points
/// (or without a PDB) get no location rather than a wrong one.
/// </summary>
internal sealed class SourceLocator
{
    private readonly Dictionary<string, (string File, int LastLine)> _sourceByTypeName = new(StringComparer.Ordinal);

    private SourceLocator()
    {
    }

    public static SourceLocator Load(Assembly assembly)
    {
        var locator = new SourceLocator();
        try
        {
            using var stream = File.OpenRead(assembly.Location);
            using var pe = new PEReader(stream);
            var metadata = pe.GetMetadataReader();
            if (!TryOpenPdb(pe, assembly.Location, out var provider))
            {
                return locator;
            }

            using (provider)
            {
                var pdb = provider!.GetMetadataReader();
                var assemblyDirectory = Path.GetDirectoryName(Path.GetFullPath(assembly.Location))!;
                var files = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var typeHandle in metadata.TypeDefinitions)
                {
                    var type = metadata.GetTypeDefinition(typeHandle);
                    var name = FullName(metadata, type);
                    foreach (var methodHandle in type.GetMethods())
                    {
                        var debug = pdb.GetMethodDebugInformation(methodHandle.ToDebugInformationHandle());
                        if (debug.Document.IsNil)
                        {
                            continue;
                        }

                        var document = pdb.GetString(pdb.GetDocument(debug.Document).Name);
                        if (!files.TryGetValue(document, out var file))
                        {
                            file = files[document] = DeterministicSourcePath.Resolve(document, assemblyDirectory);
                        }

                        var lastLine = debug.GetSequencePoints().Where(point => !point.IsHidden).Select(point => point.EndLine).DefaultIfEmpty(0).Max();
                        locator._sourceByTypeName[name] = locator._sourceByTypeName.TryGetValue(name, out var known) && known.File == file
                            ? (file, Math.Max(known.LastLine, lastLine))
                            : known.File is null ? (file, lastLine) : known;
                    }
                }
            }
        }
        catch (Exception exception) when (exception is IOException or BadImageFormatException or InvalidOperationException)
        {
            // No location is better than no validation.
        }

        return locator;
    }

    /// <summary>The lines a type spans: from the attributes above its declaration to its last sequence point.</summary>
    public SourceSpan? FindSpan(Type type)
    {
        var declaration = Find(type);
        if (declaration is null)
        {
            return null;
        }

        if (SqlFilePath(type) is not null)
        {
            return new SourceSpan(declaration, 1, 1);
        }

        var lines = File.ReadAllLines(declaration.File);
        var first = declaration.Line;
        while (first > 1 && lines[first - 2].TrimStart() is var previous && (previous.StartsWith('[') || previous.StartsWith("//", StringComparison.Ordinal)))
        {
            first--;
        }

        return new SourceSpan(declaration, first, Math.Max(declaration.Line, _sourceByTypeName[type.FullName!.Replace('+', '/')].LastLine));
    }

    public SourceLocation? Find(Type type)
    {
        if (SqlFilePath(type) is { } sqlFile)
        {
            return new SourceLocation(sqlFile, 1, 1);
        }

        if (type.FullName is null || !_sourceByTypeName.TryGetValue(type.FullName.Replace('+', '/'), out var source) || !File.Exists(source.File))
        {
            return null;
        }

        var file = source.File;

        var declaration = new Regex(@"\b(class|record)\s+" + Regex.Escape(type.Name) + @"\b");
        var lines = File.ReadAllLines(file);
        for (var index = 0; index < lines.Length; index++)
        {
            var match = declaration.Match(lines[index]);
            if (match.Success)
            {
                return new SourceLocation(file, index + 1, match.Groups[1].Index + match.Groups[1].Length + 2);
            }
        }

        return new SourceLocation(file, 1, 1);
    }

    /// <summary>
    /// Where a finding in a .sql migration points: the line and column of the statement in the file. The rendered Up SQL
    /// is the file's text (one statement, or one per statement for a no-transaction file), so each statement is found
    /// in the file after the one before it. Null when the type is not a .sql migration or the text is not found.
    /// </summary>
    public static SourceLocation? FindInSqlFile(Type type, IReadOnlyList<string> statements, int statement, int offset)
    {
        if (SqlFilePath(type) is not { } path || !File.Exists(path) || statement >= statements.Count)
        {
            return null;
        }

        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        var position = 0;
        for (var index = 0; index <= statement; index++)
        {
            var sought = statements[index].ReplaceLineEndings("\n").Trim();
            var found = text.IndexOf(sought, position, StringComparison.Ordinal);
            if (found < 0)
            {
                return null;
            }

            position = index == statement ? found : found + sought.Length;
        }

        var start = statements[statement].ReplaceLineEndings("\n");
        var at = Math.Min(text.Length, position + Math.Max(0, offset - (start.Length - start.TrimStart().Length)));
        var line = 1 + text.AsSpan(0, at).Count('\n');
        var column = at - (text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1) + 1;
        return new SourceLocation(path, line, column);
    }

    private static bool TryOpenPdb(PEReader pe, string assemblyPath, out MetadataReaderProvider? provider)
    {
        if (pe.TryOpenAssociatedPortablePdb(assemblyPath, path => File.Exists(path) ? File.OpenRead(path) : null, out provider, out _))
        {
            return provider is not null;
        }

        return false;
    }

    private static string FullName(MetadataReader metadata, TypeDefinition type)
    {
        var name = metadata.GetString(type.Name);
        if (type.IsNested)
        {
            return FullName(metadata, metadata.GetTypeDefinition(type.GetDeclaringType())) + "/" + name;
        }

        var space = metadata.GetString(type.Namespace);
        return space.Length == 0 ? name : space + "." + name;
    }

    /// <summary>The .sql file a generated SQL-file migration came from (relative paths are the project's: the working directory).</summary>
    private static string? SqlFilePath(Type type) =>
        type.GetCustomAttributes(typeof(SqlFiles.SqlFileSourceAttribute), inherit: false) is [SqlFiles.SqlFileSourceAttribute source]
            ? Path.GetFullPath(source.Path)
            : null;
}
