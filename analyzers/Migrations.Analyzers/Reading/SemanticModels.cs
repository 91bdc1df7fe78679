using Microsoft.CodeAnalysis;

namespace Migrations.Analyzers.Reading;

/// <summary>
/// The semantic model of another file of the compilation: the reader follows a migration into its base class and
/// helpers, and the history needs every migration. Inside the compiler the analyzer driver shares its models through
/// the compilation, so this binds nothing twice.
/// </summary>
internal static class SemanticModels
{
#pragma warning disable RS1030 // The driver's caching semantic model provider serves these; there is no action-provided model for other files.
    public static SemanticModel Get(Compilation compilation, SyntaxTree tree) => compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
}
