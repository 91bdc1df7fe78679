using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Migrations.Safety.Sql;

namespace Migrations.Analyzers.Infrastructure
{
    /// <summary>Replays the schema changes of one migration's Up() into a <see cref="SchemaHistory"/>, from syntax.</summary>
    internal static class HistoryReplay
    {
        public static void Replay(SchemaHistory history, MigrationClass migration)
        {
            foreach (var reference in migration.Type.DeclaringSyntaxReferences)
            {
                if (!(reference.GetSyntax() is ClassDeclarationSyntax declaration))
                {
                    continue;
                }

                foreach (var method in declaration.Members.OfType<MethodDeclarationSyntax>())
                {
                    if (method.Identifier.ValueText != "Up" || method.ParameterList.Parameters.Count != 0)
                    {
                        continue;
                    }

                    var body = (SyntaxNode?)method.Body ?? method.ExpressionBody;
                    if (body == null)
                    {
                        continue;
                    }

                    foreach (var invocation in body.DescendantNodes().OfType<InvocationExpressionSyntax>())
                    {
                        if (!(invocation.Parent is MemberAccessExpressionSyntax))
                        {
                            ReplayChain(history, Flatten(invocation));
                        }
                    }
                }
            }
        }

        private static List<Call> Flatten(InvocationExpressionSyntax outermost)
        {
            var calls = new List<Call>();
            ExpressionSyntax expression = outermost;
            while (expression is InvocationExpressionSyntax invocation && invocation.Expression is MemberAccessExpressionSyntax member)
            {
                calls.Add(new Call(member.Name.Identifier.ValueText, invocation.ArgumentList));
                expression = member.Expression;
            }

            var root = expression switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                _ => string.Empty,
            };
            calls.Add(new Call(root, null));
            calls.Reverse();
            return calls;
        }

        private static void ReplayChain(SchemaHistory history, List<Call> calls)
        {
            if (calls.Count < 2)
            {
                return;
            }

            var root = calls[0].Name + "." + calls[1].Name;
            var first = calls[1].String(0);
            var table = Find(calls, "OnTable") ?? Find(calls, "FromTable");
            var schema = Find(calls, "InSchema");
            switch (root)
            {
                case "Create.Table" when first != null:
                    history.CreateTable(SqlName.TableKey(schema, first));
                    ReplayColumns(history, SqlName.TableKey(schema, first), calls, "WithColumn");
                    break;
                case "Alter.Table" when first != null:
                    ReplayColumns(history, SqlName.TableKey(schema, first), calls, "AddColumn", "AlterColumn");
                    break;
                case "Create.Column" when first != null && table != null:
                    ReplayColumn(history, SqlName.TableKey(schema, table), first, calls.Skip(2).ToList(), added: true);
                    break;
                case "Alter.Column" when first != null && table != null:
                    ReplayColumn(history, SqlName.TableKey(schema, table), first, calls.Skip(2).ToList(), added: false);
                    break;
                case "Delete.Table" when first != null:
                    history.DropTable(SqlName.TableKey(schema, first));
                    break;
                case "Delete.Column" when first != null && table != null:
                    foreach (var column in calls.Where(call => call.Name == "Column").Select(call => call.String(0)).Where(name => name != null))
                    {
                        history.SetColumn(SqlName.TableKey(schema, table), column!, null);
                    }

                    break;
                case "Rename.Table" when first != null && Find(calls, "To") != null:
                    history.RenameTable(SqlName.TableKey(schema, first), SqlName.TableKey(schema, Find(calls, "To")!));
                    break;
                case "Rename.Column" when first != null && table != null && Find(calls, "To") != null:
                    history.RenameColumn(SqlName.TableKey(schema, table), first, Find(calls, "To")!);
                    break;
                case "Execute.Sql" when first != null:
                    ReplaySql(history, first);
                    break;
            }
        }

        private static void ReplayColumns(SchemaHistory history, string table, List<Call> calls, params string[] starts)
        {
            for (var index = 2; index < calls.Count; index++)
            {
                if (!starts.Contains(calls[index].Name) || calls[index].String(0) == null)
                {
                    continue;
                }

                var end = index + 1;
                while (end < calls.Count && !starts.Contains(calls[end].Name))
                {
                    end++;
                }

                ReplayColumn(history, table, calls[index].String(0)!, calls.Skip(index + 1).Take(end - index - 1).ToList(), added: calls[index].Name != "AlterColumn");
                index = end - 1;
            }
        }

        private static void ReplayColumn(SchemaHistory history, string table, string column, List<Call> calls, bool added)
        {
            string? type = null;
            bool? nullable = null;
            foreach (var call in calls)
            {
                if (call.Name.StartsWith("As", System.StringComparison.Ordinal) && call.Arguments != null)
                {
                    type = call.PostgresType();
                }
                else if (call.Name == "Nullable")
                {
                    nullable = true;
                }
                else if (call.Name == "NotNullable" || call.Name == "PrimaryKey")
                {
                    nullable = false;
                }
            }

            var state = history.Column(table, column);
            if (added || state == null)
            {
                history.SetColumn(table, column, new ColumnState(type, added ? nullable != true : nullable == false, false));
            }
            else
            {
                history.SetColumn(table, column, state.With(type: type, notNull: nullable.HasValue ? !nullable.Value : (bool?)null));
            }
        }

        private static void ReplaySql(SchemaHistory history, string sql)
        {
            foreach (var statement in SqlStatementSplitter.Split(sql))
            {
                var classified = SqlStatementClassifier.Classify(statement);
                var table = classified.Table?.Key;
                switch (classified.Kind)
                {
                    case SqlStatementKind.CreateTable when table != null:
                        history.CreateTable(table);
                        break;
                    case SqlStatementKind.DropTable:
                        foreach (var dropped in classified.Tables)
                        {
                            history.DropTable(dropped.Key);
                        }

                        break;
                    case SqlStatementKind.AlterTable when table != null:
                        foreach (var action in classified.Actions)
                        {
                            ReplayAction(history, table, action);
                        }

                        break;
                }
            }
        }

        private static void ReplayAction(SchemaHistory history, string table, AlterTableAction action)
        {
            var column = action.Column;
            var state = column == null ? null : history.Column(table, column);
            switch (action.Kind)
            {
                case AlterTableActionKind.AddColumn when column != null:
                    history.SetColumn(table, column, new ColumnState(action.NewType == null ? null : PostgresTypes.Normalize(action.NewType), action.NotNull, false));
                    break;
                case AlterTableActionKind.DropColumn when column != null:
                    history.SetColumn(table, column, null);
                    break;
                case AlterTableActionKind.AlterColumnType when column != null && action.NewType != null:
                    history.SetColumn(table, column, (state ?? new ColumnState(null, false, false)).With(type: PostgresTypes.Normalize(action.NewType)));
                    break;
                case AlterTableActionKind.SetNotNull when column != null:
                case AlterTableActionKind.DropNotNull when column != null:
                    history.SetColumn(table, column, (state ?? new ColumnState(null, false, false)).With(notNull: action.Kind == AlterTableActionKind.SetNotNull));
                    break;
                case AlterTableActionKind.RenameColumn when column != null && action.NewName != null:
                    history.RenameColumn(table, column, action.NewName);
                    break;
                case AlterTableActionKind.RenameTable when action.NewName != null:
                    history.RenameTable(table, action.NewName);
                    break;
                case AlterTableActionKind.AddConstraint when action.NotNullCheckColumn != null:
                    if (action.NotValid)
                    {
                        if (action.ConstraintName != null)
                        {
                            history.AddPendingNotNullCheck(action.ConstraintName, table, action.NotNullCheckColumn);
                        }
                    }
                    else
                    {
                        var checkedColumn = history.Column(table, action.NotNullCheckColumn) ?? new ColumnState(null, false, false);
                        history.SetColumn(table, action.NotNullCheckColumn, checkedColumn.With(check: true));
                    }

                    break;
                case AlterTableActionKind.ValidateConstraint when action.ConstraintName != null:
                    history.ValidateConstraint(action.ConstraintName);
                    break;
            }
        }

        private static string? Find(List<Call> calls, string name) => calls.Skip(2).FirstOrDefault(call => call.Name == name)?.String(0);

        private sealed class Call
        {
            public Call(string name, ArgumentListSyntax? arguments)
            {
                Name = name;
                Arguments = arguments;
            }

            public string Name { get; }

            public ArgumentListSyntax? Arguments { get; }

            public string? String(int index) =>
                Arguments != null && Arguments.Arguments.Count > index
                && Arguments.Arguments[index].Expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression)
                    ? literal.Token.ValueText
                    : null;

            private int? Number(int index) =>
                Arguments != null && Arguments.Arguments.Count > index
                && Arguments.Arguments[index].Expression is LiteralExpressionSyntax literal && literal.Token.Value is int value
                    ? value
                    : (int?)null;

            /// <summary>The type PostgresTypeMap gives an As…() call, read from literal arguments.</summary>
            public string? PostgresType() => ColumnTypes.ToPostgres(Name, Number(0), Number(1), String(0));
        }
    }
}
