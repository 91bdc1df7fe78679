using System.Text;
using Migrations.Runtime.Schema;

namespace Migrations.Runtime.Scaffold;

/// <summary>
/// The scaffolded migration's source: a ForwardOnlyMigration (a baseline has nothing to go back to) whose Up() calls
/// one method per run of steps of one kind, in dependency order, so the file reads like a table of contents.
/// </summary>
internal static class MigrationClassWriter
{
    public const string StatementIndent = "        ";

    public static string Write(string @namespace, string className, long version, string description, string header, IReadOnlyList<ScaffoldStep> steps, bool hasRoutines, IReadOnlyList<long>? squashes = null)
    {
        var sections = Sections(steps);
        var code = new StringBuilder();
        code.Append("""
            using System.Data;
            using FluentMigrator;
            using FluentMigrator.Postgres;

            """);
        code.Append($"\nnamespace {@namespace};\n\n");
        code.Append("/// <summary>\n");
        foreach (var line in header.Split('\n'))
        {
            code.Append("/// ").Append(System.Security.SecurityElement.Escape(line)).Append('\n');
        }

        code.Append("/// </summary>\n");
        if (squashes is not null)
        {
            code.Append($"[global::Migrations.Squashes({string.Join(", ", squashes)})]\n");
        }

        code.Append($"[Migration({version}, {FluentWriter.Literal(description)})]\n");
        code.Append($"public sealed class {className} : ForwardOnlyMigration\n{{\n");
        code.Append("    public override void Up()\n    {\n");
        if (hasRoutines)
        {
            code.Append($"{StatementIndent}// As pg_dump does: function bodies may name tables created further down.\n");
            code.Append($"{StatementIndent}Execute.Sql(\"SET LOCAL check_function_bodies = off\");\n");
        }

        foreach (var (name, _) in sections)
        {
            code.Append($"{StatementIndent}{name}();\n");
        }

        code.Append("    }\n");
        foreach (var (name, members) in sections)
        {
            code.Append($"\n    private void {name}()\n    {{\n");
            var first = true;
            foreach (var statement in members.SelectMany(step => step.Statements))
            {
                code.Append(first ? string.Empty : "\n").Append(StatementIndent).Append(statement).Append('\n');
                first = false;
            }

            code.Append("    }\n");
        }

        return code.Append("}\n").ToString();
    }

    /// <summary>Consecutive steps of one kind form a method; a kind that comes back after another is named after what it follows.</summary>
    private static List<(string Name, List<ScaffoldStep> Steps)> Sections(IReadOnlyList<ScaffoldStep> steps)
    {
        var sections = new List<(string Name, string Kind, List<ScaffoldStep> Steps)>();
        foreach (var step in steps.Where(step => step.Statements.Count > 0))
        {
            var kind = SectionName(step.Phase);
            if (sections.Count > 0 && sections[^1].Kind == kind)
            {
                sections[^1].Steps.Add(step);
                continue;
            }

            var name = kind;
            if (sections.Any(section => section.Name == name))
            {
                var previous = sections[^1].Kind;
                name = $"{kind}After{previous[(previous.StartsWith("Create", StringComparison.Ordinal) ? "Create".Length : 0)..]}";
            }

            for (var suffix = 2; sections.Any(section => section.Name == name); suffix++)
            {
                name = $"{kind}{suffix}";
            }

            sections.Add((name, kind, [step]));
        }

        return sections.Select(section => (section.Name, section.Steps)).ToList();
    }

    private static string SectionName(SchemaPhase phase) => phase switch
    {
        SchemaPhase.Schema or SchemaPhase.Extension or SchemaPhase.Collation => "CreateSchemasAndExtensions",
        SchemaPhase.Type => "CreateTypes",
        SchemaPhase.Sequence => "CreateSequences",
        SchemaPhase.Routine => "CreateRoutines",
        SchemaPhase.Table or SchemaPhase.Column or SchemaPhase.Constraint => "CreateTables",
        SchemaPhase.View => "CreateViews",
        SchemaPhase.Index => "CreateIndexes",
        SchemaPhase.ForeignKey => "CreateForeignKeys",
        SchemaPhase.SequenceOwnership => "SetSequenceOwners",
        SchemaPhase.Trigger => "CreateTriggers",
        SchemaPhase.RowSecurity or SchemaPhase.Policy => "CreatePolicies",
        _ => "CommentAndGrant",
    };
}
