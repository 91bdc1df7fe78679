namespace Migrations.Runtime.BuildValidation;

/// <summary>A place in a source file, as MSBuild reports it (1-based line and column).</summary>
public sealed record SourceLocation(string File, int Line, int Column);

/// <summary>Where a migration class sits in its file: the declaration, and the first and last line it covers.</summary>
public sealed record SourceSpan(SourceLocation Declaration, int FirstLine, int LastLine);
