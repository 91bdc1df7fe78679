using System;
using System.Collections.Generic;
using Migrations.Safety.Judging;
using Migrations.Safety.Model;

namespace Migrations.Safety.Sql;

/// <summary>
/// The migration around SQL texts judged with <see cref="SqlLinter"/>: successive calls with one context are the
/// statements of one migration, so a table created, a constraint added NOT VALID or a check validated by an earlier
/// text counts for the later ones. What is known of the database before them is given with the setters below.
/// </summary>
public sealed class SqlLintContext
{
    private readonly List<Operation> operations = new List<Operation>();
    private readonly HashSet<string> validatedNotNullColumns = new HashSet<string>(SqlName.Comparer);
    private OperationNumbering? numbering;

    /// <summary>Major version of the target PostgreSQL (MigrationsPostgresVersion); 15 unless set.</summary>
    public int PostgresVersion { get; set; } = JudgeSettings.DefaultPostgresVersion;

    /// <summary>True when the migration runs in a transaction (TransactionBehavior.Default).</summary>
    public bool InTransaction { get; set; } = true;

    /// <summary>
    /// True when the whole text goes to PostgreSQL as one command, as Execute.Sql does: several statements then run
    /// as one implicit transaction even in a TransactionBehavior.None migration. False for text run statement by statement.
    /// </summary>
    public bool IsSingleCommand { get; set; } = true;

    /// <summary>The current type of a column (schema, table, column) when known, else null; used by PGM009.</summary>
    public Func<string?, string, string, string?>? ColumnTypeResolver { get; set; }

    /// <summary>Records a table created earlier in the migration: operations on it are exempt.</summary>
    public void AddCreatedTable(string table, string? schema = null) =>
        operations.Add(new Operation(OperationKind.CreateTable) { Table = new SqlName(schema, table), TransactionId = Numbering.NextTransaction(), StatementId = Numbering.NextStatement() });

    /// <summary>Records a validated <c>CHECK (column IS NOT NULL)</c> from before: a later SET NOT NULL on PostgreSQL 12+ does not scan.</summary>
    public void AddValidatedNotNullCheck(string table, string column, string? schema = null) =>
        validatedNotNullColumns.Add(SqlName.TableKey(schema, table) + "\n" + column);

    internal OperationNumbering Numbering => numbering ??= new OperationNumbering(InTransaction);

    /// <summary>Every operation of the migration so far, the text being judged last.</summary>
    internal List<Operation> Operations => operations;

    internal PriorSchema Prior => new LintPriorSchema(this);

    private sealed class LintPriorSchema : PriorSchema
    {
        private readonly SqlLintContext context;

        public LintPriorSchema(SqlLintContext context)
        {
            this.context = context;
        }

        public override ColumnState? Column(string? schema, string table, string column)
        {
            var type = context.ColumnTypeResolver?.Invoke(schema, table, column);
            var validated = context.validatedNotNullColumns.Contains(SqlName.TableKey(schema, table) + "\n" + column);
            return type == null && !validated ? null : new ColumnState(type == null ? null : PostgresTypes.Normalize(type), false, validated, validated ? 1 : 0);
        }
    }
}
