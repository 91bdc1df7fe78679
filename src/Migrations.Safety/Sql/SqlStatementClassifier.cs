using System.Collections.Generic;

namespace Migrations.Safety.Sql;

/// <summary>
/// Recognises the statements the safety rules judge. It reads only the leading keywords and the clauses that matter,
/// so anything inside literals, comments or function bodies never counts, and unknown syntax becomes <see cref="SqlStatementKind.Other"/>.
/// </summary>
public static class SqlStatementClassifier
{
    public static ClassifiedStatement Classify(SqlStatement statement)
    {
        var result = new ClassifiedStatement(statement);
        var cursor = new SqlTokenCursor(statement.Tokens);
        if (cursor.Accept("CREATE"))
        {
            ClassifyCreate(cursor, result);
        }
        else if (cursor.Accept("DROP"))
        {
            ClassifyDrop(cursor, result);
        }
        else if (cursor.Accept("ALTER"))
        {
            ClassifyAlter(cursor, result);
        }
        else if (cursor.Accept("UPDATE"))
        {
            result.Kind = SqlStatementKind.Update;
            cursor.Accept("ONLY");
            result.Table = cursor.ReadName();
            result.HasWhere = HasMeaningfulWhere(cursor);
        }
        else if (cursor.Accept("DELETE", "FROM"))
        {
            result.Kind = SqlStatementKind.Delete;
            cursor.Accept("ONLY");
            result.Table = cursor.ReadName();
            result.HasWhere = HasMeaningfulWhere(cursor);
        }
        else if (cursor.Accept("INSERT", "INTO"))
        {
            result.Kind = SqlStatementKind.Insert;
            result.Table = cursor.ReadName();
        }
        else if (cursor.Accept("TRUNCATE"))
        {
            result.Kind = SqlStatementKind.Truncate;
            cursor.Accept("TABLE");
            result.Tables = ReadNameList(cursor);
        }
        else if (cursor.Accept("LOCK"))
        {
            result.Kind = SqlStatementKind.Lock;
            cursor.Accept("TABLE");
            result.Tables = ReadNameList(cursor);
        }
        else if (cursor.Accept("REINDEX"))
        {
            ClassifyReindex(cursor, result);
        }
        else if (cursor.Accept("VACUUM"))
        {
            result.Kind = SqlStatementKind.Vacuum;
            result.Full = cursor.Is("FULL") || (cursor.IsPunctuation('(') && OptionsEnable(cursor, "FULL"));
        }
        else if (cursor.Accept("CLUSTER"))
        {
            result.Kind = SqlStatementKind.Cluster;
            if (cursor.IsPunctuation('('))
            {
                cursor.SkipParenthesized();
            }

            cursor.Accept("VERBOSE");
            result.Table = cursor.ReadName();
        }
        else if (IsTransactionControl(cursor))
        {
            result.Kind = SqlStatementKind.TransactionControl;
        }
        else if (cursor.Accept("REFRESH", "MATERIALIZED", "VIEW"))
        {
            result.Kind = SqlStatementKind.RefreshMaterializedView;
            result.Concurrently = cursor.Accept("CONCURRENTLY");
            result.ObjectName = cursor.ReadName();
        }

        if (result.Table == null && result.Tables.Count > 0)
        {
            result.Table = result.Tables[0];
        }

        return result;
    }

    /// <summary>Statements that start, end or abandon the session's transaction; savepoints stay inside it and do not count.</summary>
    private static bool IsTransactionControl(SqlTokenCursor cursor) =>
        cursor.Is("BEGIN") || cursor.Is("START") || cursor.Is("COMMIT") || cursor.Is("END") || cursor.Is("ABORT")
        || (cursor.Accept("ROLLBACK") && !cursor.Is("TO") && !cursor.Is("PREPARED"));

    private static void ClassifyCreate(SqlTokenCursor cursor, ClassifiedStatement result)
    {
        cursor.Accept("OR", "REPLACE");
        result.Unique = cursor.Accept("UNIQUE");
        if (cursor.Accept("INDEX"))
        {
            result.Kind = SqlStatementKind.CreateIndex;
            result.Concurrently = cursor.Accept("CONCURRENTLY");
            cursor.Accept("IF", "NOT", "EXISTS");
            if (!cursor.Is("ON"))
            {
                result.ObjectName = cursor.ReadName();
            }

            if (cursor.Accept("ON"))
            {
                cursor.Accept("ONLY");
                result.Table = cursor.ReadName();
            }

            return;
        }

        if (result.Unique)
        {
            return;
        }

        // CREATE [GLOBAL|LOCAL] [TEMP|TEMPORARY|UNLOGGED] TABLE
        cursor.Accept("GLOBAL");
        cursor.Accept("LOCAL");
        _ = cursor.Accept("TEMP") || cursor.Accept("TEMPORARY") || cursor.Accept("UNLOGGED");
        if (cursor.Accept("TABLE"))
        {
            result.Kind = SqlStatementKind.CreateTable;
            cursor.Accept("IF", "NOT", "EXISTS");
            result.Table = cursor.ReadName();
            ReadTableElements(cursor, result);
            return;
        }

        if (cursor.Accept("MATERIALIZED", "VIEW"))
        {
            result.Kind = SqlStatementKind.CreateMaterializedView;
            cursor.Accept("IF", "NOT", "EXISTS");
            result.Table = cursor.ReadName();
            return;
        }

        if (cursor.Accept("SCHEMA"))
        {
            result.Kind = SqlStatementKind.CreateSchema;
            cursor.Accept("IF", "NOT", "EXISTS");
            result.ObjectName = cursor.ReadName();
            return;
        }

        cursor.Accept("RECURSIVE");
        if (AcceptNamedObjectKind(cursor))
        {
            cursor.Accept("IF", "NOT", "EXISTS");
            result.ObjectName = cursor.ReadName();
            return;
        }

        cursor.Accept("CONSTRAINT");
        if (cursor.Accept("TRIGGER"))
        {
            result.Kind = SqlStatementKind.CreateTrigger;
            result.ObjectName = cursor.ReadName();
            cursor.ReadUntil(c => c.Is("ON"));
            if (cursor.Accept("ON"))
            {
                result.Table = cursor.ReadName();
            }
        }
    }

    private static void ReadTableElements(SqlTokenCursor cursor, ClassifiedStatement result)
    {
        if (!cursor.IsPunctuation('('))
        {
            return;
        }

        cursor.Next();
        var elements = new List<AlterTableAction>();
        var known = true;
        foreach (var part in cursor.SplitInsideParentheses())
        {
            var element = AlterTableActionParser.ParseTableElement(part);
            if (element == null)
            {
                known = false;
                continue;
            }

            element.Text = result.Statement.Text.Substring(element.Offset - result.Statement.Offset, element.Length);
            elements.Add(element);
        }

        result.Elements = elements;
        // CREATE TABLE t (…) INHERITS (u) takes u's columns too.
        result.ElementsKnown = known && !cursor.ContainsTopLevel(c => c.Is("INHERITS"));
    }

    private static void ClassifyDrop(SqlTokenCursor cursor, ClassifiedStatement result)
    {
        if (cursor.Accept("INDEX"))
        {
            result.Kind = SqlStatementKind.DropIndex;
            result.Concurrently = cursor.Accept("CONCURRENTLY");
            result.IfExists = cursor.Accept("IF", "EXISTS");
            result.ObjectName = cursor.ReadName();
        }
        else if (cursor.Accept("TABLE"))
        {
            result.Kind = SqlStatementKind.DropTable;
            result.IfExists = cursor.Accept("IF", "EXISTS");
            result.Tables = ReadNameList(cursor);
        }
        else if (cursor.Accept("SCHEMA"))
        {
            result.Kind = SqlStatementKind.DropSchema;
            result.IfExists = cursor.Accept("IF", "EXISTS");
            result.ObjectName = cursor.ReadName();
        }
        else if (cursor.Accept("MATERIALIZED", "VIEW") || AcceptNamedObjectKind(cursor))
        {
            result.IfExists = cursor.Accept("IF", "EXISTS");
            result.ObjectName = cursor.ReadName();
        }
    }

    /// <summary>
    /// The kinds of schema objects, besides tables, indexes and triggers, whose name follows the keyword: the rules do not
    /// judge them, but where they live (their schema) matters to whoever runs the statement.
    /// </summary>
    private static bool AcceptNamedObjectKind(SqlTokenCursor cursor) =>
        cursor.Accept("SEQUENCE") || cursor.Accept("VIEW") || cursor.Accept("TYPE") || cursor.Accept("DOMAIN")
        || cursor.Accept("FUNCTION") || cursor.Accept("PROCEDURE") || cursor.Accept("AGGREGATE");

    private static void ClassifyAlter(SqlTokenCursor cursor, ClassifiedStatement result)
    {
        if (cursor.Accept("TABLE"))
        {
            result.Kind = SqlStatementKind.AlterTable;
            result.IfExists = cursor.Accept("IF", "EXISTS");
            cursor.Accept("ONLY");
            result.Table = cursor.ReadName();
            if (cursor.Current?.Text == "*")
            {
                cursor.Next();
            }

            var actions = new List<AlterTableAction>();
            foreach (var part in cursor.SplitAtTopLevelCommas())
            {
                var action = AlterTableActionParser.Parse(part);
                action.Text = result.Statement.Text.Substring(action.Offset - result.Statement.Offset, action.Length);
                actions.Add(action);
            }

            result.Actions = actions;
        }
        else if (cursor.Accept("SCHEMA"))
        {
            result.ObjectName = cursor.ReadName();
            if (cursor.Accept("RENAME", "TO"))
            {
                result.Kind = SqlStatementKind.AlterSchemaRename;
            }
        }
        else if (cursor.Accept("MATERIALIZED", "VIEW") || cursor.Accept("SEQUENCE") || cursor.Accept("VIEW") || cursor.Accept("DOMAIN")
            || cursor.Accept("FUNCTION") || cursor.Accept("PROCEDURE") || cursor.Accept("INDEX"))
        {
            result.IfExists = cursor.Accept("IF", "EXISTS");
            result.ObjectName = cursor.ReadName();
        }
        else if (cursor.Accept("TYPE"))
        {
            result.ObjectName = cursor.ReadName();
            if (cursor.Accept("ADD", "VALUE"))
            {
                result.Kind = SqlStatementKind.AlterTypeAddValue;
                cursor.Accept("IF", "NOT", "EXISTS");
                result.EnumValue = ReadStringLiteral(cursor);
            }
            else if (cursor.Accept("RENAME", "VALUE"))
            {
                result.Kind = SqlStatementKind.AlterTypeRenameValue;
                result.EnumValue = ReadStringLiteral(cursor);
            }
        }
    }

    private static void ClassifyReindex(SqlTokenCursor cursor, ClassifiedStatement result)
    {
        result.Kind = SqlStatementKind.Reindex;
        if (cursor.IsPunctuation('('))
        {
            result.Concurrently = OptionsEnable(cursor, "CONCURRENTLY");
            cursor.SkipParenthesized();
        }

        var target = cursor.Next();
        result.Concurrently |= cursor.Accept("CONCURRENTLY");
        var name = cursor.ReadName();
        if (target != null && target.IsKeyword("TABLE"))
        {
            result.Table = name;
        }
        else
        {
            result.ObjectName = name;
        }
    }

    /// <summary>True when a parenthesized option list at the cursor turns <paramref name="option"/> on; does not move.</summary>
    private static bool OptionsEnable(SqlTokenCursor cursor, string option)
    {
        var saved = cursor.Position;
        cursor.Next();
        var enabled = false;
        foreach (var part in cursor.SplitInsideParentheses())
        {
            if (part.Accept(option))
            {
                enabled = part.AtEnd || !(part.Is("FALSE") || part.Is("OFF") || (part.Current?.Text == "0"));
            }
        }

        cursor.Position = saved;
        return enabled;
    }

    private static List<SqlName> ReadNameList(SqlTokenCursor cursor)
    {
        var names = new List<SqlName>();
        while (!cursor.AtEnd)
        {
            cursor.Accept("ONLY");
            var name = cursor.ReadName();
            if (name == null)
            {
                break;
            }

            names.Add(name);
            if (cursor.Current?.Text == "*")
            {
                cursor.Next();
            }

            if (!cursor.IsPunctuation(','))
            {
                break;
            }

            cursor.Next();
        }

        return names;
    }

    private static string? ReadStringLiteral(SqlTokenCursor cursor)
    {
        var token = cursor.Current;
        if (token == null || token.Kind != SqlTokenKind.StringLiteral)
        {
            return null;
        }

        cursor.Next();
        return SqlLiterals.Unquote(token.Text);
    }

    /// <summary>A top-level WHERE that is not a tautology (FluentMigrator renders AllRows() as WHERE 1 = 1).</summary>
    private static bool HasMeaningfulWhere(SqlTokenCursor cursor)
    {
        cursor.ReadUntil(c => c.Is("WHERE"));
        if (!cursor.Accept("WHERE"))
        {
            return false;
        }

        var condition = cursor.ReadUntil(c => c.Is("RETURNING"));
        var text = SqlTokenCursor.Join(condition).Replace(" ", string.Empty).ToLowerInvariant();
        return text.Length > 0 && text != "1=1" && text != "true" && text != "(1=1)" && text != "'1'='1'";
    }
}
