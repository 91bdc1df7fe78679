namespace Migrations.Runtime.Schema.Catalog;

/// <summary>A function, procedure or aggregate.</summary>
public sealed class CatalogRoutine : CatalogObject
{
    /// <summary>pg_proc.prokind: f function, p procedure, a aggregate, w window function.</summary>
    public required char Kind { get; init; }

    /// <summary>pg_get_function_identity_arguments: what tells overloads apart ("a integer, b text").</summary>
    public required string Arguments { get; init; }

    /// <summary>pg_get_functiondef; for an aggregate, the options of CREATE AGGREGATE ("SFUNC = f, STYPE = text").</summary>
    public required string Definition { get; init; }

    public string KindName => Kind switch { 'p' => "procedure", 'a' => "aggregate", _ => "function" };

    /// <summary>"public.f(a integer)" — how keys name it.</summary>
    public string Signature => $"{QualifiedName}({Arguments})";
}
