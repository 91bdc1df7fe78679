using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Migrations.Analyzers.Infrastructure
{
    /// <summary>One invocation inside an analysed Up(), with what rules need to judge it.</summary>
    internal sealed class UpCall
    {
        public UpCall(OperationAnalysisContext context, IInvocationOperation invocation, UpMethod up)
        {
            Context = context;
            Invocation = invocation;
            Up = up;
        }

        public OperationAnalysisContext Context { get; }

        public IInvocationOperation Invocation { get; }

        public UpMethod Up { get; }

        public IMethodSymbol Method => Invocation.TargetMethod;

        public MigrationCompilation Compilation => Up.Compilation;

        public FluentMigratorSymbols Symbols => Up.Compilation.Symbols;

        public MigrationClass Migration => Up.Migration;

        public bool Is(INamedTypeSymbol? type, string name) => FluentMigratorSymbols.Is(Method, type, name);

        /// <summary>True when the table was created earlier in the same Up().</summary>
        public bool IsNewTable(string? table, string? schema) => Up.IsNewTable(Invocation, table, schema, Invocation.Syntax.SpanStart);

        public FluentExpression? Expression() => FluentExpression.Parse(Invocation, Symbols);

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
            Compilation.Report(Context.ReportDiagnostic, Up.Method, ruleId, location, arguments);
    }
}
