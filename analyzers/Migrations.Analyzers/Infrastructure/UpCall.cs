using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Migrations.Analyzers.Infrastructure
{
    /// <summary>One invocation inside an analysed Up(), with what rules need to judge it.</summary>
    internal sealed class UpCall
    {
        /// <summary>The methods that start a column of an existing table: AddColumn, AlterColumn, Create.Column, Alter.Column.</summary>
        public static readonly string[] ColumnStarts = { "AddColumn", "AlterColumn", "Column" };

        private readonly Action<Diagnostic> report;

        public UpCall(Action<Diagnostic> report, IInvocationOperation invocation, UpMethod up, UpBody body)
        {
            this.report = report;
            Invocation = invocation;
            Up = up;
            Body = body;
        }

        /// <summary>The model of the Up() this call is in.</summary>
        public UpBody Body { get; }

        public IInvocationOperation Invocation { get; }

        public UpMethod Up { get; }

        public IMethodSymbol Method => Invocation.TargetMethod;

        public MigrationCompilation Compilation => Up.Compilation;

        public FluentMigratorSymbols Symbols => Up.Compilation.Symbols;

        public MigrationClass Migration => Up.Migration;

        public bool Is(INamedTypeSymbol? type, string name) => FluentMigratorSymbols.Is(Method, type, name);

        /// <summary>True when the table was created earlier in the same Up().</summary>
        public bool IsNewTable(string? table, string? schema) => table != null && Body.IsCreatedBefore(table, schema, Invocation.Syntax.SpanStart);

        /// <summary>The expression this call belongs to, parsed once per Up() and shared by every analyzer.</summary>
        public FluentExpression? Expression() => Body.ExpressionOf(Invocation);

        /// <summary>
        /// When this call starts a column added to or altered on an existing table (AddColumn, AlterColumn, Create.Column,
        /// Alter.Column), that column and its expression; otherwise null. Columns of tables created earlier in the Up() are skipped.
        /// </summary>
        public ColumnSegment? ExistingTableColumn(out FluentExpression expression)
        {
            expression = null!;
            var symbols = Symbols;
            if (!Is(symbols.AlterTableAddColumnOrAlterColumnSyntax, "AddColumn") && !Is(symbols.AlterTableAddColumnOrAlterColumnSyntax, "AlterColumn")
                && !Is(symbols.CreateRoot, "Column") && !Is(symbols.AlterRoot, "Column"))
            {
                return null;
            }

            var parsed = Expression();
            if (parsed?.Table == null || IsNewTable(parsed.Table, parsed.Schema))
            {
                return null;
            }

            expression = parsed;
            return parsed.SegmentOf(Invocation);
        }

        public void Report(string ruleId, Location location, params object?[] arguments) =>
            Compilation.Report(report, Up.Method, ruleId, location, arguments);
    }
}
