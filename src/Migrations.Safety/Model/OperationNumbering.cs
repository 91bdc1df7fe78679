namespace Migrations.Safety.Model;

/// <summary>
/// Hands out statement and transaction numbers for the operations of one migration, so operations read by several
/// readers (fluent calls, then an Execute.Sql text) or several calls of one reader never share a number by accident.
/// </summary>
public sealed class OperationNumbering
{
    private int nextStatement;
    private int nextTransaction = 1;

    public OperationNumbering(bool transactional)
    {
        Transactional = transactional;
    }

    /// <summary>The migration runs in one transaction: every operation gets <see cref="MigrationTransactionId"/>.</summary>
    public bool Transactional { get; }

    public const int MigrationTransactionId = 0;

    public int NextStatement() => ++nextStatement;

    /// <summary>A transaction of its own: for an autocommit statement, or one multi-statement command.</summary>
    public int NextTransaction() => Transactional ? MigrationTransactionId : ++nextTransaction;

    /// <summary>The context of a statement sent as part of a command of <paramref name="statementsInCommand"/> statements.</summary>
    public TransactionContext ContextFor(int statementsInCommand) =>
        Transactional ? TransactionContext.Migration
        : statementsInCommand > 1 ? TransactionContext.ImplicitMultiStatement
        : TransactionContext.Autocommit;
}
