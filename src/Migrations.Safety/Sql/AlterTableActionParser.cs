using System.Collections.Generic;

namespace Migrations.Safety.Sql;

/// <summary>Parses one comma-separated action of ALTER TABLE, and the column definition of ADD COLUMN.</summary>
internal static class AlterTableActionParser
{
    private static readonly HashSet<string> SerialTypes = new HashSet<string>(SqlName.Comparer)
    {
        "serial", "serial2", "serial4", "serial8", "smallserial", "bigserial",
    };

    public static AlterTableAction Parse(SqlTokenCursor cursor)
    {
        var action = new AlterTableAction();
        var first = cursor.First;
        var last = cursor.Last;
        if (first != null && last != null)
        {
            action.Offset = first.Offset;
            action.Length = last.End - first.Offset;
        }

        if (cursor.Accept("ADD"))
        {
            ParseAdd(cursor, action);
        }
        else if (cursor.Accept("DROP"))
        {
            ParseDrop(cursor, action);
        }
        else if (cursor.Accept("ALTER"))
        {
            cursor.Accept("COLUMN");
            action.Column = cursor.ReadName()?.Name;
            ParseAlterColumn(cursor, action);
        }
        else if (cursor.Accept("VALIDATE", "CONSTRAINT"))
        {
            action.Kind = AlterTableActionKind.ValidateConstraint;
            action.ConstraintName = cursor.ReadName()?.Name;
        }
        else if (cursor.Accept("RENAME"))
        {
            ParseRename(cursor, action);
        }
        else if (cursor.Accept("SET"))
        {
            ParseSet(cursor, action);
        }
        else if (cursor.Is("ENABLE") || cursor.Is("DISABLE"))
        {
            var enable = cursor.Next()!.IsKeyword("ENABLE");
            _ = cursor.Accept("REPLICA") || cursor.Accept("ALWAYS");
            if (cursor.Accept("TRIGGER"))
            {
                action.Kind = enable ? AlterTableActionKind.EnableTrigger : AlterTableActionKind.DisableTrigger;
                action.NewName = cursor.ReadName()?.Name;
            }
        }
        else if (cursor.Accept("ATTACH", "PARTITION"))
        {
            action.Kind = AlterTableActionKind.AttachPartition;
            action.NewName = cursor.ReadName()?.ToString();
        }
        else if (cursor.Accept("DETACH", "PARTITION"))
        {
            action.Kind = AlterTableActionKind.DetachPartition;
            action.NewName = cursor.ReadName()?.ToString();
            action.Concurrently = cursor.Accept("CONCURRENTLY");
        }

        return action;
    }

    /// <summary>One element of CREATE TABLE's list: a column definition, or a table constraint (Kind AddConstraint); null for LIKE.</summary>
    public static AlterTableAction? ParseTableElement(SqlTokenCursor cursor)
    {
        if (cursor.Is("LIKE"))
        {
            return null;
        }

        var action = new AlterTableAction();
        var first = cursor.First;
        var last = cursor.Last;
        if (first != null && last != null)
        {
            action.Offset = first.Offset;
            action.Length = last.End - first.Offset;
        }

        if (cursor.Is("CONSTRAINT") || cursor.Is("CHECK") || cursor.Is("FOREIGN") || cursor.Is("UNIQUE") || cursor.Is("PRIMARY") || cursor.Is("EXCLUDE"))
        {
            action.Kind = AlterTableActionKind.AddConstraint;
            if (cursor.Accept("CONSTRAINT"))
            {
                action.ConstraintName = cursor.ReadName()?.Name;
            }

            ParseConstraintBody(cursor, action);
            return action;
        }

        action.Kind = AlterTableActionKind.AddColumn;
        action.Column = cursor.ReadName()?.Name;
        ParseColumnDefinition(cursor, action);
        return action;
    }

    private static void ParseAdd(SqlTokenCursor cursor, AlterTableAction action)
    {
        var explicitColumn = cursor.Accept("COLUMN");
        if (!explicitColumn && (cursor.Is("CONSTRAINT") || cursor.Is("CHECK") || cursor.Is("FOREIGN") || cursor.Is("UNIQUE") || cursor.Is("PRIMARY") || cursor.Is("EXCLUDE")))
        {
            action.Kind = AlterTableActionKind.AddConstraint;
            if (cursor.Accept("CONSTRAINT"))
            {
                action.ConstraintName = cursor.ReadName()?.Name;
            }

            ParseConstraintBody(cursor, action);
            return;
        }

        action.Kind = AlterTableActionKind.AddColumn;
        action.IfExists = cursor.Accept("IF", "NOT", "EXISTS");
        action.Column = cursor.ReadName()?.Name;
        ParseColumnDefinition(cursor, action);
    }

    private static void ParseConstraintBody(SqlTokenCursor cursor, AlterTableAction action)
    {
        if (cursor.Accept("CHECK"))
        {
            action.ConstraintType = SqlConstraintType.Check;
            action.NotNullCheckColumn = ReadNotNullCheckColumn(cursor);
        }
        else if (cursor.Accept("FOREIGN", "KEY"))
        {
            action.ConstraintType = SqlConstraintType.ForeignKey;
            action.ConstraintColumns = ReadColumnList(cursor);
        }
        else if (cursor.Accept("UNIQUE"))
        {
            action.ConstraintType = SqlConstraintType.Unique;
            cursor.Accept("NULLS", "NOT", "DISTINCT");
            cursor.Accept("NULLS", "DISTINCT");
            action.ConstraintColumns = ReadColumnList(cursor);
        }
        else if (cursor.Accept("PRIMARY", "KEY"))
        {
            action.ConstraintType = SqlConstraintType.PrimaryKey;
            action.ConstraintColumns = ReadColumnList(cursor);
        }
        else if (cursor.Accept("EXCLUDE"))
        {
            action.ConstraintType = SqlConstraintType.Exclude;
        }

        action.NotValid = cursor.ContainsTopLevel(c => c.Is("NOT") && c.Is("VALID", 1));
        action.UsingIndex = cursor.ContainsTopLevel(c => c.Is("USING") && c.Is("INDEX", 1) && !c.Is("TABLESPACE", 2));
    }

    /// <summary>(a, b): the column names, and the cursor past the list; empty when there is none.</summary>
    private static string[] ReadColumnList(SqlTokenCursor cursor)
    {
        if (!cursor.IsPunctuation('('))
        {
            return new string[0];
        }

        cursor.Next();
        var columns = new List<string>();
        foreach (var part in cursor.SplitInsideParentheses())
        {
            var name = part.ReadName();
            if (name != null)
            {
                columns.Add(name.Name);
            }
        }

        return columns.ToArray();
    }

    /// <summary>For <c>CHECK (col IS NOT NULL)</c>: the column; otherwise null.</summary>
    private static string? ReadNotNullCheckColumn(SqlTokenCursor cursor)
    {
        var saved = cursor.Position;
        string? column = null;
        if (cursor.IsPunctuation('('))
        {
            cursor.Next();
            var name = cursor.ReadName();
            if (name != null && cursor.Accept("IS", "NOT", "NULL") && cursor.IsPunctuation(')'))
            {
                column = name.Name;
            }
        }

        cursor.Position = saved;
        cursor.SkipParenthesized();
        return column;
    }

    private static void ParseColumnDefinition(SqlTokenCursor cursor, AlterTableAction action)
    {
        var type = cursor.ReadUntil(IsColumnConstraintStart);
        action.NewType = SqlTokenCursor.Join(type);
        if (type.Count == 1 && SerialTypes.Contains(type[0].Text))
        {
            action.Identity = true;
            action.NotNull = true;
        }

        while (!cursor.AtEnd)
        {
            if (cursor.Accept("CONSTRAINT"))
            {
                action.ConstraintName = cursor.ReadName()?.Name;
            }
            else if (cursor.Accept("NOT", "NULL"))
            {
                action.NotNull = true;
            }
            else if (cursor.Accept("NULL"))
            {
                action.NotNull = false;
            }
            else if (cursor.Accept("DEFAULT"))
            {
                var expression = new List<SqlToken> { cursor.Next()! };
                expression.AddRange(cursor.ReadUntil(IsColumnConstraintStart));
                action.DefaultExpression = SqlTokenCursor.Join(expression);
            }
            else if (cursor.Accept("PRIMARY", "KEY"))
            {
                action.ConstraintType = SqlConstraintType.PrimaryKey;
                action.NotNull = true;
            }
            else if (cursor.Accept("UNIQUE"))
            {
                action.ConstraintType = SqlConstraintType.Unique;
            }
            else if (cursor.Accept("REFERENCES"))
            {
                action.ConstraintType = SqlConstraintType.ForeignKey;
                cursor.ReadUntil(IsColumnConstraintStart);
            }
            else if (cursor.Accept("CHECK"))
            {
                action.ConstraintType = SqlConstraintType.Check;
                cursor.SkipParenthesized();
            }
            else if (cursor.Accept("GENERATED"))
            {
                var rest = cursor.ReadUntil(c => c.Is("STORED") || c.Is("IDENTITY"));
                if (cursor.Accept("STORED"))
                {
                    action.StoredGenerated = true;
                }
                else if (cursor.Accept("IDENTITY") || rest.Count == 0)
                {
                    action.Identity = true;
                    action.NotNull = true;
                }
            }
            else
            {
                cursor.Next();
                cursor.ReadUntil(IsColumnConstraintStart);
            }
        }

        action.NotValid = false;
    }

    private static bool IsColumnConstraintStart(SqlTokenCursor cursor) =>
        cursor.Is("CONSTRAINT") || (cursor.Is("NOT") && cursor.Is("NULL", 1)) || cursor.Is("NULL") || cursor.Is("DEFAULT")
        || cursor.Is("PRIMARY") || cursor.Is("UNIQUE") || cursor.Is("REFERENCES") || cursor.Is("CHECK") || cursor.Is("GENERATED")
        || cursor.Is("COLLATE") || cursor.Is("COMPRESSION") || cursor.Is("STORAGE");

    private static void ParseDrop(SqlTokenCursor cursor, AlterTableAction action)
    {
        if (cursor.Accept("CONSTRAINT"))
        {
            action.Kind = AlterTableActionKind.DropConstraint;
            action.IfExists = cursor.Accept("IF", "EXISTS");
            action.ConstraintName = cursor.ReadName()?.Name;
            return;
        }

        if (cursor.Is("DEFAULT") || cursor.Is("NOT") || cursor.Is("EXPRESSION") || cursor.Is("IDENTITY"))
        {
            return;
        }

        action.Kind = AlterTableActionKind.DropColumn;
        cursor.Accept("COLUMN");
        action.IfExists = cursor.Accept("IF", "EXISTS");
        action.Column = cursor.ReadName()?.Name;
    }

    private static void ParseAlterColumn(SqlTokenCursor cursor, AlterTableAction action)
    {
        if (cursor.Accept("TYPE") || cursor.Accept("SET", "DATA", "TYPE"))
        {
            action.Kind = AlterTableActionKind.AlterColumnType;
            action.NewType = SqlTokenCursor.Join(cursor.ReadUntil(c => c.Is("USING") || c.Is("COLLATE")));
            action.HasUsingExpression = cursor.ContainsTopLevel(c => c.Is("USING"));
        }
        else if (cursor.Accept("SET", "NOT", "NULL"))
        {
            action.Kind = AlterTableActionKind.SetNotNull;
        }
        else if (cursor.Accept("DROP", "NOT", "NULL"))
        {
            action.Kind = AlterTableActionKind.DropNotNull;
        }
        else if (cursor.Accept("SET", "DEFAULT"))
        {
            action.Kind = AlterTableActionKind.SetDefault;
            action.DefaultExpression = SqlTokenCursor.Join(cursor.ReadUntil(_ => false));
        }
        else if (cursor.Accept("DROP", "DEFAULT"))
        {
            action.Kind = AlterTableActionKind.DropDefault;
        }
        else if (cursor.Accept("ADD", "GENERATED"))
        {
            action.Kind = AlterTableActionKind.AddIdentity;
        }
    }

    private static void ParseRename(SqlTokenCursor cursor, AlterTableAction action)
    {
        if (cursor.Accept("CONSTRAINT"))
        {
            action.Kind = AlterTableActionKind.RenameConstraint;
            action.ConstraintName = cursor.ReadName()?.Name;
        }
        else if (cursor.Accept("TO"))
        {
            action.Kind = AlterTableActionKind.RenameTable;
            action.NewName = cursor.ReadName()?.Name;
            return;
        }
        else
        {
            action.Kind = AlterTableActionKind.RenameColumn;
            cursor.Accept("COLUMN");
            action.Column = cursor.ReadName()?.Name;
        }

        if (cursor.Accept("TO"))
        {
            action.NewName = cursor.ReadName()?.Name;
        }
    }

    private static void ParseSet(SqlTokenCursor cursor, AlterTableAction action)
    {
        if (cursor.Accept("SCHEMA"))
        {
            action.Kind = AlterTableActionKind.SetSchema;
            action.NewName = cursor.ReadName()?.Name;
        }
        else if (cursor.Accept("TABLESPACE"))
        {
            action.Kind = AlterTableActionKind.SetTablespace;
            action.NewName = cursor.ReadName()?.Name;
        }
        else if (cursor.Accept("LOGGED"))
        {
            action.Kind = AlterTableActionKind.SetLogged;
        }
        else if (cursor.Accept("UNLOGGED"))
        {
            action.Kind = AlterTableActionKind.SetUnlogged;
        }
        else if (cursor.Accept("ACCESS", "METHOD"))
        {
            action.Kind = AlterTableActionKind.SetAccessMethod;
            action.NewName = cursor.ReadName()?.Name;
        }
    }
}
