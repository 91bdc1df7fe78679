namespace Migrations.Safety.Model;

/// <summary>Which transaction an operation runs in: what CONCURRENTLY, VACUUM and explicit COMMIT care about.</summary>
public enum TransactionContext
{
    /// <summary>The migration's own transaction (TransactionBehavior.Default).</summary>
    Migration,

    /// <summary>
    /// No migration transaction, but a text of several statements sent as one command (one Execute.Sql): PostgreSQL
    /// runs it as one implicit transaction.
    /// </summary>
    ImplicitMultiStatement,

    /// <summary>No transaction around it: the statement commits on its own (TransactionBehavior.None).</summary>
    Autocommit,
}
