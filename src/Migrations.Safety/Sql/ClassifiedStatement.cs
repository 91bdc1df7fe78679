using System;
using System.Collections.Generic;

namespace Migrations.Safety.Sql;

/// <summary>What a statement does, as far as the safety rules care; produced by <see cref="SqlStatementClassifier"/>.</summary>
public sealed class ClassifiedStatement
{
    internal ClassifiedStatement(SqlStatement statement)
    {
        Statement = statement;
    }

    public SqlStatement Statement { get; }

    public SqlStatementKind Kind { get; internal set; }

    /// <summary>The table the statement works on (CREATE/ALTER/DROP TABLE, CREATE INDEX … ON, UPDATE, DELETE, TRUNCATE, LOCK, CREATE TRIGGER …).</summary>
    public SqlName? Table { get; internal set; }

    /// <summary>Every table of DROP TABLE, TRUNCATE and LOCK, which take lists.</summary>
    public IReadOnlyList<SqlName> Tables { get; internal set; } = Array.Empty<SqlName>();

    /// <summary>
    /// The object the statement names when it is not a table: index, trigger, schema (CREATE/ALTER/DROP SCHEMA: its
    /// name is the schema), type, materialized view, view, sequence, domain, function, procedure or aggregate.
    /// </summary>
    public SqlName? ObjectName { get; internal set; }

    public bool Concurrently { get; internal set; }

    public bool IfExists { get; internal set; }

    /// <summary>CREATE UNIQUE INDEX.</summary>
    public bool Unique { get; internal set; }

    /// <summary>UPDATE/DELETE with a WHERE clause that is not a tautology such as FluentMigrator's <c>WHERE 1 = 1</c>.</summary>
    public bool HasWhere { get; internal set; }

    /// <summary>VACUUM FULL.</summary>
    public bool Full { get; internal set; }

    /// <summary>ALTER TYPE … ADD VALUE / RENAME VALUE: the (new) value.</summary>
    public string? EnumValue { get; internal set; }

    /// <summary>CREATE TABLE: its column definitions and table constraints (as AddColumn / AddConstraint actions).</summary>
    public IReadOnlyList<AlterTableAction> Elements { get; internal set; } = Array.Empty<AlterTableAction>();

    /// <summary>CREATE TABLE with a plain element list: <see cref="Elements"/> is every column (not AS, OF, PARTITION OF or LIKE).</summary>
    public bool ElementsKnown { get; internal set; }

    /// <summary>The actions of an ALTER TABLE, in order.</summary>
    public IReadOnlyList<AlterTableAction> Actions { get; internal set; } = Array.Empty<AlterTableAction>();

    /// <summary>The column of the first action that names one.</summary>
    public string? Column
    {
        get
        {
            foreach (var action in Actions)
            {
                if (action.Column != null)
                {
                    return action.Column;
                }
            }

            return null;
        }
    }

    public override string ToString() => Kind + " " + Table;
}
