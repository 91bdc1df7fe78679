using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Migrations.Safety.Sql;

namespace Migrations.Analyzers.Infrastructure
{
    /// <summary>
    /// The model of one Up() body, built once: its fluent expressions in source order, the tables it creates
    /// (which later operations may touch freely) and the findings of its raw SQL, linted statement by statement
    /// with one context so NOT VALID adds, validations and created tables carry over between Execute.Sql calls.
    /// </summary>
    internal sealed class UpBody
    {
        private readonly List<KeyValuePair<string, int>> createdTables = new List<KeyValuePair<string, int>>();
        private readonly Dictionary<IOperation, IReadOnlyList<SqlFinding>> sqlFindings = new Dictionary<IOperation, IReadOnlyList<SqlFinding>>();
        private readonly Dictionary<IInvocationOperation, FluentExpression> expressionByCall = new Dictionary<IInvocationOperation, FluentExpression>();
        private readonly Dictionary<string, List<IInvocationOperation>> invocationsByName = new Dictionary<string, List<IInvocationOperation>>(StringComparer.Ordinal);

        private UpBody(List<IInvocationOperation> invocations, List<FluentExpression> expressions)
        {
            Invocations = invocations;
            Expressions = expressions;
            foreach (var invocation in invocations)
            {
                if (!invocationsByName.TryGetValue(invocation.TargetMethod.Name, out var named))
                {
                    named = new List<IInvocationOperation>();
                    invocationsByName[invocation.TargetMethod.Name] = named;
                }

                named.Add(invocation);
            }

            foreach (var expression in expressions)
            {
                foreach (var call in expression.Chain.Calls)
                {
                    expressionByCall[call] = expression;
                }
            }
        }

        /// <summary>
        /// True when Up() produces SQL the analyzers cannot read: it calls a helper method of the project (not a local
        /// function, whose body is part of this one) or passes Execute.Sql a text that is not constant. Only the build's
        /// rendered-SQL check sees that SQL, so an [AllowUnsafe] here may be needed although no analyzer used it.
        /// </summary>
        public bool HasSqlTheAnalyzersCannotSee { get; private set; }

        /// <summary>Every invocation of the body (lambdas and local functions included), in source order.</summary>
        public IReadOnlyList<IInvocationOperation> Invocations { get; }

        public IReadOnlyList<FluentExpression> Expressions { get; }

        /// <summary>The invocations of methods named <paramref name="methodName"/>, in source order.</summary>
        public IReadOnlyList<IInvocationOperation> InvocationsOf(string methodName) =>
            invocationsByName.TryGetValue(methodName, out var named) ? named : (IReadOnlyList<IInvocationOperation>)Array.Empty<IInvocationOperation>();

        public static UpBody Build(UpMethod up, IEnumerable<IOperation> blocks)
        {
            var symbols = up.Compilation.Symbols;
            var invocations = new List<IInvocationOperation>();
            var expressions = new List<FluentExpression>();
            foreach (var operation in blocks.SelectMany(block => block.DescendantsAndSelf()))
            {
                if (!(operation is IInvocationOperation invocation))
                {
                    continue;
                }

                invocations.Add(invocation);
                if (FluentChain.IsLastCall(invocation))
                {
                    var expression = FluentExpression.Parse(invocation, symbols);
                    if (expression != null)
                    {
                        expressions.Add(expression);
                    }
                }
            }

            invocations.Sort((left, right) => left.Syntax.SpanStart.CompareTo(right.Syntax.SpanStart));
            expressions.Sort((left, right) => left.Position.CompareTo(right.Position));
            var body = new UpBody(invocations, expressions)
            {
                HasSqlTheAnalyzersCannotSee =
                    invocations.Any(invocation => invocation.TargetMethod.MethodKind != MethodKind.LocalFunction
                        && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingAssembly, up.Compilation.Compilation.Assembly))
                    || expressions.Any(expression => expression.Root == FluentRoot.ExecuteSql && FluentChain.FirstString(expression.Chain.Root) == null),
            };
            foreach (var expression in expressions.Where(expression => expression.Root == FluentRoot.CreateTable && expression.Table != null))
            {
                body.createdTables.Add(new KeyValuePair<string, int>(SqlName.TableKey(expression.Schema, expression.Table!), expression.Position));
            }

            body.LintRawSql(up);
            return body;
        }

        /// <summary>The fluent expression <paramref name="call"/> is part of; null when its chain has no FluentMigrator root.</summary>
        public FluentExpression? ExpressionOf(IInvocationOperation call) => expressionByCall.TryGetValue(call, out var expression) ? expression : null;

        public bool IsCreatedBefore(string table, string? schema, int position)
        {
            var key = SqlName.TableKey(schema, table);
            return createdTables.Any(created => created.Value < position && SqlName.Comparer.Equals(created.Key, key));
        }

        /// <summary>The findings of an Execute.Sql / Execute.EmbeddedScript call of this body.</summary>
        public IReadOnlyList<SqlFinding> FindingsOf(IOperation call) =>
            sqlFindings.TryGetValue(call, out var findings) ? findings : Array.Empty<SqlFinding>();

        private void LintRawSql(UpMethod up)
        {
            var compilation = up.Compilation;
            var context = new SqlLintContext
            {
                PostgresVersion = compilation.Settings.PostgresVersion,
                InTransaction = !up.Migration.WithoutTransaction,
                ColumnTypeResolver = (schema, table, column) => ColumnTypeBefore(up, schema, table, column),
            };

            var fluentCreated = 0;
            foreach (var expression in Expressions)
            {
                if (expression.Root != FluentRoot.ExecuteSql && expression.Root != FluentRoot.ExecuteEmbeddedScript)
                {
                    continue;
                }

                for (; fluentCreated < createdTables.Count && createdTables[fluentCreated].Value < expression.Position; fluentCreated++)
                {
                    context.AddCreatedTable(createdTables[fluentCreated].Key);
                }

                var sql = expression.Root == FluentRoot.ExecuteSql ? FluentChain.FirstString(expression.Chain.Root) : ReadEmbeddedScript(compilation, expression);
                if (sql == null)
                {
                    continue;
                }

                AddValidatedChecksFromHistory(up, context, sql);
                sqlFindings[expression.Chain.Root] = SqlLinter.Lint(sql, context);
                foreach (var table in context.CreatedTables)
                {
                    createdTables.Add(new KeyValuePair<string, int>(table, expression.Position));
                }
            }
        }

        private static string? ColumnTypeBefore(UpMethod up, string? schema, string table, string column) =>
            up.Migration.Version.HasValue ? up.Compilation.History.GetColumn(schema, table, column, up.Migration.Version.Value)?.Type : null;

        /// <summary>A raw SET NOT NULL is safe after a CHECK (col IS NOT NULL) validated by an earlier migration.</summary>
        private static void AddValidatedChecksFromHistory(UpMethod up, SqlLintContext context, string sql)
        {
            if (!up.Migration.Version.HasValue || sql.IndexOf("NOT NULL", StringComparison.OrdinalIgnoreCase) < 0)
            {
                return;
            }

            foreach (var statement in SqlStatementSplitter.Split(sql))
            {
                var classified = SqlStatementClassifier.Classify(statement);
                foreach (var action in classified.Actions)
                {
                    if (action.Kind == AlterTableActionKind.SetNotNull && action.Column != null && classified.Table != null
                        && up.Compilation.History.GetColumn(classified.Table.Schema, classified.Table.Name, action.Column, up.Migration.Version.Value)?.HasValidatedNotNullCheck == true)
                    {
                        context.AddValidatedNotNullCheck(classified.Table.Name, action.Column, classified.Table.Schema);
                    }
                }
            }
        }

        /// <summary>The text of an embedded script that is in the project as an AdditionalFile (matched by file name).</summary>
        internal static string? ReadEmbeddedScript(MigrationCompilation compilation, FluentExpression expression)
        {
            var name = FluentChain.FirstString(expression.Chain.Root);
            if (string.IsNullOrEmpty(name))
            {
                return null;
            }

            foreach (var file in compilation.Options.AdditionalFiles)
            {
                var fileName = Path.GetFileName(file.Path);
                if (name!.EndsWith(fileName, StringComparison.OrdinalIgnoreCase)
                    || fileName.EndsWith(name, StringComparison.OrdinalIgnoreCase))
                {
                    return file.GetText()?.ToString();
                }
            }

            return null;
        }
    }
}
