namespace Migrations.Runtime.Rendering;

/// <summary>Why one direction of a migration could not be rendered completely.</summary>
public sealed record RenderProblem(RenderProblemKind Kind, string Message)
{
    public override string ToString() => Message;
}

public enum RenderProblemKind
{
    /// <summary>It queries the live database while its expressions are collected (Schema.*.Exists(), reads).</summary>
    NeedsDatabase,

    /// <summary>A ForwardOnlyMigration has no Down().</summary>
    ForwardOnly,

    /// <summary>An AutoReversingMigration holds an expression FluentMigrator cannot reverse.</summary>
    NotReversible,

    /// <summary>The migration's code throws.</summary>
    Throws,
}
