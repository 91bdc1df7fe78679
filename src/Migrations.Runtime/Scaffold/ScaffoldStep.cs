using Migrations.Runtime.Schema;

namespace Migrations.Runtime.Scaffold;

/// <summary>
/// One object's part of the scaffolded Up(): C# statements (fluent calls, or Execute.Sql), what it provides to objects
/// that depend on it ("r:16400", see <see cref="Schema.Catalog.CatalogQueries.Dependencies"/>) and what it must follow.
/// </summary>
internal sealed class ScaffoldStep(SchemaPhase phase, string describes)
{
    public SchemaPhase Phase { get; } = phase;

    /// <summary>"table public.film": for messages and the step's comment in the code.</summary>
    public string Describes { get; } = describes;

    public List<string> Statements { get; } = [];

    public HashSet<string> Provides { get; } = new(StringComparer.Ordinal);

    public HashSet<string> DependsOn { get; } = new(StringComparer.Ordinal);

    public int FluentStatements { get; set; }

    public int SqlStatements { get; set; }

    public ScaffoldStep Fluent(string code)
    {
        Statements.Add(code);
        FluentStatements++;
        return this;
    }

    public ScaffoldStep Sql(string sql)
    {
        Statements.Add("Execute.Sql(" + CSharpLiteral.Of(sql, MigrationClassWriter.StatementIndent + "    ") + ");");
        SqlStatements++;
        return this;
    }

    public ScaffoldStep Sql(IEnumerable<string> sql)
    {
        foreach (var statement in sql)
        {
            Sql(statement);
        }

        return this;
    }
}
