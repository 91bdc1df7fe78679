using System.Data.Common;

namespace Migrations.Runtime.Schema.Catalog;

/// <summary>Typed access to the current row of one catalog query.</summary>
internal class CatalogRow(Func<int, object> value)
{
    public bool IsNull(int ordinal) => value(ordinal) is DBNull;

    public string Text(int ordinal) => (string)value(ordinal);

    public string? Maybe(int ordinal) => value(ordinal) as string;

    public bool Flag(int ordinal) => (bool)value(ordinal);

    public long Long(int ordinal) => Convert.ToInt64(value(ordinal), System.Globalization.CultureInfo.InvariantCulture);

    public uint Oid(int ordinal) => Convert.ToUInt32(value(ordinal), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>This row's values, kept after the reader moved on.</summary>
    public Values Copy() => new(Enumerable.Range(0, FieldCount).Select(value).ToArray());

    protected virtual int FieldCount => 0;

    internal sealed class Values(object[] values) : CatalogRow(ordinal => values[ordinal]);

    internal sealed class Live(DbDataReader reader) : CatalogRow(reader.GetValue)
    {
        protected override int FieldCount => reader.FieldCount;
    }
}

/// <summary>Walks the result sets of the catalog batch in order.</summary>
internal sealed class CatalogRows(DbDataReader reader, CancellationToken cancellationToken)
{
    public async Task NextAsync(Action<CatalogRow> read)
    {
        await reader.NextResultAsync(cancellationToken);
        var row = new CatalogRow.Live(reader);
        while (await reader.ReadAsync(cancellationToken))
        {
            read(row);
        }
    }
}
