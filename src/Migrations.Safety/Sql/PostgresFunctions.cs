using System.Collections.Generic;

namespace Migrations.Safety.Sql;

/// <summary>What PostgreSQL knows about the functions that appear in column defaults.</summary>
public static class PostgresFunctions
{
    // Volatile built-ins (and uuid-ossp's, which FluentMigrator renders for SystemMethods.NewGuid/NewSequentialId).
    // A volatile default is evaluated per row, so ADD COLUMN … DEFAULT volatile() rewrites the table even on 11+.
    private static readonly HashSet<string> Volatile = new HashSet<string>(SqlName.Comparer)
    {
        "gen_random_uuid", "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4", "uuidv4", "uuidv7",
        "random", "random_normal", "clock_timestamp", "timeofday", "nextval", "setseed", "txid_current", "pg_current_xact_id",
    };

    /// <summary>True when the expression calls a known volatile function.</summary>
    public static bool IsVolatileExpression(string expression)
    {
        var tokens = SqlLexer.Tokenize(expression);
        SqlToken? previous = null;
        foreach (var token in tokens)
        {
            if (token.IsTrivia)
            {
                continue;
            }

            if (token.IsPunctuation('(') && previous != null && previous.Kind == SqlTokenKind.Word && Volatile.Contains(previous.Text))
            {
                return true;
            }

            previous = token;
        }

        return false;
    }

    /// <summary>True for a default that is absent in effect: NULL.</summary>
    public static bool IsNullExpression(string? expression) =>
        expression == null || string.Equals(expression.Trim(), "NULL", System.StringComparison.OrdinalIgnoreCase);
}
