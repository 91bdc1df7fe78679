using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Model;
using Migrations.Safety.Sql;
using Operation = Migrations.Safety.Model.Operation;
using OperationKind = Migrations.Safety.Model.OperationKind;

namespace Migrations.Analyzers.Reading;

/// <summary>
/// The C# reader's half of the operation model: a FluentMigrator expression as the operations its PostgreSQL
/// generator renders (FluentMigrator 8.0.1), so that the build, reading the rendered SQL, sees the same operations.
/// Alter.Column renders TYPE plus SET/DROP NOT NULL in one statement; .Indexed()/.Unique() a plain CREATE INDEX;
/// .ForeignKey() a validated constraint; .SetExistingRowsTo() an UPDATE … WHERE 1 = 1 and, with .NotNullable(), the
/// type restated with SET NOT NULL.
/// </summary>
internal sealed class FluentOperations
{
    private readonly FluentMigratorSymbols symbols;
    private readonly OperationNumbering numbering;
    private readonly System.Func<IOperation, string?> value;
    private readonly Location? anchor;
    private readonly List<Operation> operations;

    /// <param name="value">Reads an argument's text (constants, and what the reader knows of parameters and fields).</param>
    public FluentOperations(FluentMigratorSymbols symbols, OperationNumbering numbering, System.Func<IOperation, string?> value, Location? anchor, List<Operation> operations)
    {
        this.symbols = symbols;
        this.numbering = numbering;
        this.value = value;
        this.anchor = anchor;
        this.operations = operations;
    }

    public void Add(FluentExpression expression)
    {
        var table = expression.Table == null ? SqlName.Computed(expression.Schema) : new SqlName(expression.Schema, expression.Table);
        switch (expression.Root)
        {
            case FluentRoot.CreateTable:
                Emit(expression, new Operation(OperationKind.CreateTable) { Table = table, ColumnsKnown = true, Columns = expression.Columns.Select(column => Definition(column)).ToList() });
                foreach (var column in expression.Columns)
                {
                    ColumnExtras(expression, table, column);
                }

                break;
            case FluentRoot.CreateColumn:
            case FluentRoot.AlterTable:
            case FluentRoot.AlterColumn:
                foreach (var column in expression.Columns)
                {
                    Column(expression, table, column);
                }

                if (expression.Root == FluentRoot.AlterTable && Call(expression, "ToSchema") is { } toSchema)
                {
                    Emit(expression, new Operation(OperationKind.MoveTableToSchema) { Table = table, NewName = NameIn(toSchema) });
                }

                break;
            case FluentRoot.CreateIndex:
                CreateIndex(expression, table);
                break;
            case FluentRoot.CreateForeignKey:
                Emit(expression, new Operation(OperationKind.AddConstraint) { Table = table, Constraint = ConstraintKind.ForeignKey, ObjectName = NameOf(expression, () => ForeignKeyName(expression)) });
                break;
            case FluentRoot.CreatePrimaryKey:
                var keyColumns = Names(expression, "Column", "Columns");
                Emit(expression, new Operation(OperationKind.AddConstraint) { Table = table, Constraint = ConstraintKind.PrimaryKey, ObjectName = NameOf(expression, () => Convention("PK", expression.Table, keyColumns.ToArray())), ObjectColumns = Known(keyColumns) });
                break;
            case FluentRoot.CreateUniqueConstraint:
                var uniqueColumns = Names(expression, "Column", "Columns");
                Emit(expression, new Operation(OperationKind.AddConstraint) { Table = table, Constraint = ConstraintKind.Unique, ObjectName = NameOf(expression, () => Convention("UC", expression.Table, uniqueColumns.ToArray())), ObjectColumns = Known(uniqueColumns) });
                break;
            case FluentRoot.DeleteForeignKey:
                Emit(expression, new Operation(OperationKind.DropConstraint) { Table = table, ObjectName = NameOf(expression, () => ForeignKeyName(expression)) });
                break;
            case FluentRoot.DeletePrimaryKey:
            case FluentRoot.DeleteUniqueConstraint:
                var dropped = Names(expression, "Column", "Columns");
                Emit(expression, new Operation(OperationKind.DropConstraint) { Table = table, ObjectName = NameOf(expression, () => Convention(expression.Root == FluentRoot.DeletePrimaryKey ? "PK" : "UC", expression.Table, dropped.ToArray())) });
                break;
            case FluentRoot.DeleteTable:
                var deleted = table;
                Emit(expression, new Operation(OperationKind.DropTable) { Table = deleted, Tables = new[] { deleted }, IfExists = Call(expression, "IfExists") != null });
                break;
            case FluentRoot.DeleteColumn:
                // Delete.Column("a").Column("b").FromTable(t): each column is found at the call that names it.
                var columns = new[] { expression.Chain.Root }.Concat(expression.Chain.Calls.Skip(1).Where(call => symbols.IsBuilderMethod(call.TargetMethod, "Column")));
                foreach (var call in columns)
                {
                    var first = ReferenceEquals(call, expression.Chain.Root);
                    Emit(expression, new Operation(OperationKind.DropColumn) { Table = table, Column = (first ? expression.Name : NameIn(call)) ?? SqlName.ComputedText }, first ? null : call);
                }

                break;
            case FluentRoot.DeleteIndex:
                var indexColumns = Names(expression, "OnColumn", "OnColumns");
                var indexName = NameOf(expression, () => indexColumns.Count > 0 ? Convention("IX", expression.Table, indexColumns.ToArray()) : SqlName.ComputedText);
                Emit(expression, new Operation(OperationKind.DropIndex) { Table = expression.Table == null ? null : table, ObjectName = indexName });
                break;
            case FluentRoot.DeleteSchema:
                Emit(expression, new Operation(OperationKind.DropSchema) { ObjectName = expression.Name ?? SqlName.ComputedText });
                break;
            case FluentRoot.DeleteData:
                var deleteAll = Call(expression, "AllRows");
                Emit(expression, new Operation(OperationKind.DeleteRows) { Table = table, HasWhere = deleteAll == null }, deleteAll);
                break;
            case FluentRoot.UpdateData:
                var updateAll = Call(expression, "AllRows");
                Emit(expression, new Operation(OperationKind.UpdateRows) { Table = table, HasWhere = updateAll == null }, updateAll);
                break;
            case FluentRoot.InsertData:
                Emit(expression, new Operation(OperationKind.InsertRows) { Table = table });
                break;
            case FluentRoot.Backfill:
                Emit(expression, new Operation(OperationKind.Backfill) { Table = table });
                break;
            case FluentRoot.RenameTable:
                var renaming = Emit(expression, new Operation(OperationKind.RenameTable) { Table = table, NewName = Call(expression, "To") is { } to ? NameIn(to) : null });
                renaming.Sources[OperationPart.Name] = Call(expression, "To") is { } newName ? Location(newName) : null;
                break;
            case FluentRoot.RenameColumn:
                Emit(expression, new Operation(OperationKind.RenameColumn) { Table = table, Column = expression.Name ?? SqlName.ComputedText, NewName = Call(expression, "To") is { } toColumn ? NameIn(toColumn) : null });
                break;
        }
    }

    /// <summary>Create.Column, Alter.Table(..).AddColumn/AlterColumn, Alter.Column.</summary>
    private void Column(FluentExpression expression, SqlName table, ColumnSegment column)
    {
        var name = column.Name ?? SqlName.ComputedText;
        if (column.Change == ColumnChange.Alter)
        {
            // ALTER TABLE t ALTER c TYPE x[, ALTER c SET NOT NULL | DROP NOT NULL]: one statement.
            var statement = numbering.NextStatement();
            var transaction = numbering.NextTransaction();
            var retype = Emit(expression, new Operation(OperationKind.AlterColumnType) { Table = table, Column = name, NewType = column.PostgresType }, column.TypeCall ?? column.Start, statement, transaction);
            retype.Sources[OperationPart.Type] = Location(column.TypeCall ?? column.Start);
            if (column.Nullable is bool nullable)
            {
                var nullability = Emit(expression, new Operation(nullable ? OperationKind.DropNotNull : OperationKind.SetNotNull) { Table = table, Column = name }, column.Start, statement, transaction);
                nullability.Sources[OperationPart.NotNull] = Location(column.Option(nullable ? "Nullable" : "NotNullable") ?? column.Start);
            }

            ColumnExtras(expression, table, column);
            return;
        }

        var setExisting = column.SetExistingRowsTo;
        var definition = Definition(column);
        if (setExisting != null)
        {
            // Added nullable, filled with one UPDATE of every row, then made NOT NULL if asked.
            var notNull = definition.NotNull;
            definition.NotNull = false;
            Emit(expression, new Operation(OperationKind.AddColumn) { Table = table, Column = name, Definition = definition }, column.Start);
            // Described as the build sees the UPDATE it renders, so both layers say the same.
            Emit(expression, new Operation(OperationKind.UpdateRows) { Table = table, HasWhere = false }, setExisting);
            if (notNull)
            {
                // Rendered as ALTER c TYPE <its type>, ALTER c SET NOT NULL: one statement, the type restated.
                var statement = numbering.NextStatement();
                var transaction = numbering.NextTransaction();
                Emit(expression, new Operation(OperationKind.AlterColumnType) { Table = table, Column = name, NewType = column.PostgresType }, column.TypeCall ?? column.Start, statement, transaction);
                var setNotNull = Emit(expression, new Operation(OperationKind.SetNotNull) { Table = table, Column = name }, column.Option("NotNullable") ?? setExisting, statement, transaction);
                setNotNull.Sources[OperationPart.NotNull] = Location(column.Option("NotNullable") ?? setExisting);
            }
        }
        else
        {
            var added = Emit(expression, new Operation(OperationKind.AddColumn) { Table = table, Column = name, Definition = definition }, column.Start);
            added.Sources[OperationPart.Name] = definition.Sources[OperationPart.Name];
        }

        ColumnExtras(expression, table, column);
    }

    /// <summary>What a column's options add besides the column: a foreign key, a primary key, an index.</summary>
    private void ColumnExtras(FluentExpression expression, SqlName table, ColumnSegment column)
    {
        var isNewTable = column.Change == ColumnChange.NewTable;
        foreach (var call in column.Calls)
        {
            if (column.IsOption(call, "ForeignKey") && call.Arguments.Length > 0)
            {
                var name = Argument(call, "foreignKeyName") ?? Convention("FK", expression.Table, column.Name, Argument(call, "primaryTableName"), Argument(call, "primaryColumnName"));
                var key = Emit(expression, new Operation(OperationKind.AddConstraint) { Table = table, Constraint = ConstraintKind.ForeignKey, ObjectName = name }, call);
                key.Sources[OperationPart.ForeignKey] = Location(call);
            }
            else if (column.IsOption(call, "ReferencedBy"))
            {
                // The key goes onto the *other* table, usually one that exists.
                var foreignTable = Argument(call, "foreignTableName");
                var other = foreignTable == null ? SqlName.Computed() : new SqlName(Argument(call, "foreignTableSchema"), foreignTable);
                var name = Argument(call, "foreignKeyName") ?? Convention("FK", foreignTable, Argument(call, "foreignColumnName"), expression.Table, column.Name);
                var key = Emit(expression, new Operation(OperationKind.AddConstraint) { Table = other, Constraint = ConstraintKind.ForeignKey, ObjectName = name }, call);
                key.Sources[OperationPart.ForeignKey] = Location(call);
            }
            else if ((column.IsOption(call, "Indexed") || column.IsOption(call, "Unique")) && !isNewTable)
            {
                var index = Emit(expression, new Operation(OperationKind.CreateIndex)
                {
                    Table = table,
                    ObjectName = NameIn(call) ?? Convention("IX", expression.Table, column.Name),
                    Unique = call.TargetMethod.Name == "Unique",
                    ObjectColumns = column.Name == null ? new string[0] : new[] { column.Name },
                }, call);
                index.Sources[OperationPart.Index] = Location(call);
            }
            else if ((column.IsOption(call, "Indexed") || column.IsOption(call, "Unique")) && isNewTable)
            {
                Emit(expression, new Operation(OperationKind.CreateIndex) { Table = table, ObjectName = NameIn(call) ?? Convention("IX", expression.Table, column.Name), Unique = call.TargetMethod.Name == "Unique" }, call);
            }
        }

        if (column.Change != ColumnChange.NewTable && column.HasOption("PrimaryKey"))
        {
            Emit(expression, new Operation(OperationKind.AddConstraint) { Table = table, Constraint = ConstraintKind.PrimaryKey, ObjectName = Convention("PK", expression.Table), ObjectColumns = column.Name == null ? new string[0] : new[] { column.Name } }, column.Option("PrimaryKey"));
        }
    }

    private void CreateIndex(FluentExpression expression, SqlName table)
    {
        var concurrently = expression.Chain.Find(method => symbols.IsPostgresExtension(method, "AsConcurrently"));
        var isConcurrent = concurrently != null && !(FluentChain.Argument(concurrently, "isConcurrently") is false);
        var columns = Names(expression, "OnColumn");
        var index = Emit(expression, new Operation(OperationKind.CreateIndex)
        {
            Table = table,
            // FluentMigrator names an unnamed index IX_<table>_<columns>: the name is known, so a retry finds it.
            ObjectName = NameOf(expression, () => Convention("IX", expression.Table, columns.ToArray())),
            Unique = expression.Chain.Calls.Skip(1).Any(call => symbols.IsBuilderMethod(call.TargetMethod, "Unique")),
            Concurrently = isConcurrent,
            ObjectColumns = Known(columns),
        });
        if (concurrently != null)
        {
            index.Sources[OperationPart.Concurrently] = Location(concurrently);
        }
    }

    private ColumnDefinition Definition(ColumnSegment column)
    {
        var definition = new ColumnDefinition(column.Name ?? SqlName.ComputedText)
        {
            Type = column.PostgresType,
            // FluentMigrator's generator writes NOT NULL unless .Nullable() was called.
            NotNull = column.IsNotNullWhenAdded || column.HasOption("PrimaryKey"),
            Identity = column.IsIdentity,
            PrimaryKey = column.HasOption("PrimaryKey"),
            StoredGenerated = column.Option("Computed") is { } computed && FluentChain.Argument(computed, "stored") is true,
        };
        var defaultCall = column.Default;
        if (defaultCall != null)
        {
            var (sql, display) = DefaultOf(defaultCall);
            definition.Default = sql;
            definition.DefaultDisplay = display;
            definition.Sources[OperationPart.Default] = Location(defaultCall);
        }

        definition.Sources[OperationPart.Type] = column.TypeCall == null ? null : Location(column.TypeCall);
        definition.Sources[OperationPart.Name] = NameArgument(column.Start);
        definition.Sources[OperationPart.NotNull] = column.Option("NotNullable") is { } notNull ? Location(notNull) : null;
        var identity = column.Option("Identity") ?? column.PostgresIdentity ?? column.SqlServerIdentity ?? (column.IsIdentity ? column.TypeCall : null);
        definition.Sources[OperationPart.Identity] = identity == null ? null : Location(identity);
        if (column.Option("Computed") is { } generated)
        {
            definition.Sources[OperationPart.Whole] = Location(generated);
        }

        return definition;
    }

    /// <summary>The SQL FluentMigrator renders for a default, and how a message shows it.</summary>
    private (string Sql, string Display) DefaultOf(IInvocationOperation call)
    {
        if (call.TargetMethod.Name == "WithDefault" && FluentChain.Argument(call, "method") is int value)
        {
            var member = symbols.SystemMethods?.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(field => field.HasConstantValue && Equals(field.ConstantValue, value))?.Name;
            var sql = member switch
            {
                "NewGuid" => "uuid_generate_v4()",
                "NewSequentialId" => "uuid_generate_v1()",
                "CurrentDateTime" => "now()",
                "CurrentUTCDateTime" => "(now() at time zone 'UTC')",
                "CurrentDateTimeOffset" => "current_timestamp",
                "CurrentUser" => "current_user",
                _ => "(a SystemMethods value)",
            };
            // Shown as the SQL it renders, as the build shows it: one message in both layers.
            return (sql, sql);
        }

        // WithDefaultValue(x): FluentMigrator renders the value as a literal, computed once at deploy time.
        var argument = call.Arguments.Length > 0 ? call.Arguments[call.Arguments.Length - 1].Value.Syntax.ToString() : "the default";
        return ("'" + argument.Replace("'", "''") + "'", argument);
    }

    private Operation Emit(FluentExpression expression, Operation operation, IInvocationOperation? at = null, int? statement = null, int? transaction = null)
    {
        operation.Text = expression.Chain.Last.Syntax.ToString();
        operation.StatementId = statement ?? numbering.NextStatement();
        operation.TransactionId = transaction ?? numbering.NextTransaction();
        operation.Transaction = numbering.ContextFor(1);
        operation.Source = at == null ? anchor ?? expression.Location : Location(at);
        // The name a finding about the name (PGM054) points at: the argument that gave it.
        operation.Sources[OperationPart.Name] ??= NameArgument(expression.Chain.Root);
        operations.Add(operation);
        return operation;
    }

    private Location Location(IInvocationOperation call) => anchor ?? Locations.Call(call);

    private Location? NameArgument(IInvocationOperation call) =>
        anchor ?? call.Arguments.FirstOrDefault(argument => argument.Value.Type?.SpecialType == SpecialType.System_String)?.Value.Syntax.GetLocation();

    private IInvocationOperation? Call(FluentExpression expression, string name) =>
        expression.Chain.Calls.Skip(1).FirstOrDefault(call => symbols.IsBuilderMethod(call.TargetMethod, name));

    /// <summary>The names given to the calls (null for one only known when the migration runs).</summary>
    private IReadOnlyList<string?> Names(FluentExpression expression, params string[] methods)
    {
        var names = new List<string?>();
        foreach (var call in expression.Chain.Calls.Skip(1).Where(call => methods.Any(method => symbols.IsBuilderMethod(call.TargetMethod, method))))
        {
            foreach (var argument in call.Arguments)
            {
                if (argument.Value is IArrayCreationOperation { Initializer: { } initializer })
                {
                    names.AddRange(initializer.ElementValues.Select(value));
                }
                else if (argument.Value.Type?.SpecialType == SpecialType.System_String)
                {
                    names.Add(value(argument.Value));
                }
            }
        }

        return names;
    }

    /// <summary>FluentMigrator's name of an unnamed foreign key: FK_&lt;foreign table&gt;_&lt;its columns&gt;_&lt;primary table&gt;_&lt;its columns&gt;.</summary>
    private string ForeignKeyName(FluentExpression expression)
    {
        var primaryTable = Call(expression, "ToTable") is { } to ? NameIn(to) : null;
        var columns = Names(expression, "ForeignColumn", "ForeignColumns").Append(primaryTable).Concat(Names(expression, "PrimaryColumn", "PrimaryColumns"));
        return Convention("FK", expression.Table, columns.ToArray());
    }

    /// <summary>The text of the argument bound to the parameter named <paramref name="parameter"/>.</summary>
    private string? Argument(IInvocationOperation call, string parameter) =>
        call.Arguments.FirstOrDefault(argument => argument.Parameter?.Name == parameter) is { } bound ? value(bound.Value) : null;

    /// <summary>The first string argument that is not an extension method's receiver: a name.</summary>
    private string? NameIn(IInvocationOperation call)
    {
        var skip = call.TargetMethod.IsExtensionMethod ? 1 : 0;
        return call.Arguments.Skip(skip).FirstOrDefault(argument => argument.Value.Type?.SpecialType == SpecialType.System_String || argument.Parameter?.Type.SpecialType == SpecialType.System_String) is { } first
            ? value(first.Value)
            : null;
    }

    /// <summary>
    /// The name of the object an expression creates or drops: the one it gives (computed when it is only known at run
    /// time), else FluentMigrator's default (<paramref name="convention"/>).
    /// </summary>
    private static string NameOf(FluentExpression expression, System.Func<string> convention) =>
        expression.Name ?? (HasName(expression.Chain.Root) ? SqlName.ComputedText : convention());

    private static bool HasName(IInvocationOperation root) =>
        root.Arguments.Any(argument => argument.Value.Type?.SpecialType == SpecialType.System_String && !argument.IsImplicit);

    private static IReadOnlyList<string> Known(IReadOnlyList<string?> names) => names.Where(name => name != null).ToList()!;

    /// <summary>
    /// FluentMigrator's default names (IX_table_columns, PK_table, UC_table_columns, FK_…): known, so a rule can name
    /// them; computed when a part is only known at run time.
    /// </summary>
    private static string Convention(string prefix, string? table, params string?[] parts) =>
        table == null || parts.Any(part => part == null) ? SqlName.ComputedText : prefix + "_" + table + string.Concat(parts.Select(part => "_" + part));
}
