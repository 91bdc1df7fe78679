using System;
using System.Collections.Generic;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Migrations.Analyzers.CodeFixes.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.CodeFixes.Rules;

/// <summary>
/// PGM004: replace Create.ForeignKey(..) with the same constraint added NOT VALID through Execute.Sql, quoted the
/// way FluentMigrator quotes it, and a comment naming the VALIDATE CONSTRAINT for the next migration.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ValidatedForeignKeyFixer)), Shared]
public sealed class ValidatedForeignKeyFixer : MigrationCodeFixProvider<ExpressionStatementSyntax>
{
    public ValidatedForeignKeyFixer()
        : base(RuleIds.ForeignKeyValidated, "Add the foreign key NOT VALID with Execute.Sql")
    {
    }

    private protected override ExpressionStatementSyntax? FindNode(SyntaxNode root, TextSpan span) =>
        root.FindNode(span, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is { Parent: ExpressionStatementSyntax statement } chain && chain.Span == span
            ? statement
            : null;

    private protected override Func<CancellationToken, Task<Document>>? CreateFix(FixTarget<ExpressionStatementSyntax> target)
    {
        var statement = target.Node;
        var foreignKey = ForeignKeyChain.Read((InvocationExpressionSyntax)statement.Expression);
        if (foreignKey == null)
        {
            return null;
        }

        var indent = statement.GetLeadingTrivia();
        var endOfLine = target.Root.DescendantTrivia().FirstOrDefault(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia));
        var replacement = SyntaxFactory.ParseStatement("Execute.Sql(" + SyntaxFactory.Literal(foreignKey.AddNotValid()).ToString() + ");")
            .WithLeadingTrivia(indent.Add(SyntaxFactory.Comment("// Validate in a later migration: " + foreignKey.Validate()))
                .Add(endOfLine == default ? SyntaxFactory.LineFeed : endOfLine)
                .AddRange(indent))
            .WithTrailingTrivia(statement.GetTrailingTrivia());
        return target.Replace(statement, replacement);
    }

    /// <summary>The parts of Create.ForeignKey(name).FromTable(t).InSchema(s).ForeignColumn(c).ToTable(u).PrimaryColumn(id).OnDelete(rule).</summary>
    private sealed class ForeignKeyChain
    {
        private readonly List<string> foreignColumns = new List<string>();
        private readonly List<string> primaryColumns = new List<string>();
        private string? name;
        private string? foreignTable;
        private string? foreignSchema;
        private string? primaryTable;
        private string? primarySchema;
        private string? onDelete;
        private string? onUpdate;

        public static ForeignKeyChain? Read(InvocationExpressionSyntax outermost)
        {
            var calls = new List<(string Name, ArgumentListSyntax Arguments)>();
            ExpressionSyntax expression = outermost;
            while (expression is InvocationExpressionSyntax invocation && invocation.Expression is MemberAccessExpressionSyntax member)
            {
                calls.Insert(0, (member.Name.Identifier.ValueText, invocation.ArgumentList));
                expression = member.Expression;
            }

            var chain = new ForeignKeyChain();
            var afterToTable = false;
            foreach (var (callName, arguments) in calls)
            {
                var strings = arguments.Arguments.Select(argument => argument.Expression).OfType<LiteralExpressionSyntax>().Select(literal => literal.Token.ValueText).ToList();
                switch (callName)
                {
                    case "ForeignKey":
                        chain.name = strings.FirstOrDefault();
                        break;
                    case "FromTable":
                        chain.foreignTable = strings.FirstOrDefault();
                        break;
                    case "ToTable":
                        chain.primaryTable = strings.FirstOrDefault();
                        afterToTable = true;
                        break;
                    case "InSchema":
                        if (afterToTable)
                        {
                            chain.primarySchema = strings.FirstOrDefault();
                        }
                        else
                        {
                            chain.foreignSchema = strings.FirstOrDefault();
                        }

                        break;
                    case "ForeignColumn":
                    case "ForeignColumns":
                        chain.foreignColumns.AddRange(strings);
                        break;
                    case "PrimaryColumn":
                    case "PrimaryColumns":
                        chain.primaryColumns.AddRange(strings);
                        break;
                    case "OnDelete":
                        chain.onDelete = RuleSql(arguments);
                        break;
                    case "OnUpdate":
                        chain.onUpdate = RuleSql(arguments);
                        break;
                    case "OnDeleteOrUpdate":
                        chain.onDelete = chain.onUpdate = RuleSql(arguments);
                        break;
                }
            }

            return chain.foreignTable == null || chain.primaryTable == null || chain.foreignColumns.Count == 0 || chain.primaryColumns.Count == 0 ? null : chain;
        }

        public string AddNotValid()
        {
            var constraint = name ?? "FK_" + foreignTable + "_" + string.Join("_", foreignColumns) + "_" + primaryTable + "_" + string.Join("_", primaryColumns);
            var sql = "ALTER TABLE " + Table(foreignSchema, foreignTable!) + " ADD CONSTRAINT " + Quote(constraint)
                + " FOREIGN KEY (" + string.Join(", ", foreignColumns.Select(Quote)) + ") REFERENCES " + Table(primarySchema, primaryTable!)
                + " (" + string.Join(", ", primaryColumns.Select(Quote)) + ")";
            if (onDelete != null)
            {
                sql += " ON DELETE " + onDelete;
            }

            if (onUpdate != null)
            {
                sql += " ON UPDATE " + onUpdate;
            }

            return sql + " NOT VALID";
        }

        public string Validate()
        {
            var constraint = name ?? "FK_" + foreignTable + "_" + string.Join("_", foreignColumns) + "_" + primaryTable + "_" + string.Join("_", primaryColumns);
            return "ALTER TABLE " + Table(foreignSchema, foreignTable!) + " VALIDATE CONSTRAINT " + Quote(constraint) + ";";
        }

        private static string Table(string? schema, string table) => Quote(schema ?? "public") + "." + Quote(table);

        private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

        private static string? RuleSql(ArgumentListSyntax arguments)
        {
            var rule = arguments.Arguments.FirstOrDefault()?.Expression is MemberAccessExpressionSyntax member ? member.Name.Identifier.ValueText : null;
            return rule switch
            {
                "Cascade" => "CASCADE",
                "SetNull" => "SET NULL",
                "SetDefault" => "SET DEFAULT",
                _ => null,
            };
        }
    }
}
