using System.Collections.Generic;

namespace Migrations.Safety.Model;

/// <summary>
/// Where each part of an operation was read from, as the reader's own objects (a Roslyn location for the C# reader, a
/// text offset for the SQL reader). The rules never look inside; whoever reports a finding maps it back.
/// </summary>
public sealed class PartSources
{
    private readonly Dictionary<OperationPart, object> parts = new Dictionary<OperationPart, object>();

    public object? this[OperationPart part]
    {
        get => parts.TryGetValue(part, out var source) ? source : null;
        set
        {
            if (value == null)
            {
                parts.Remove(part);
            }
            else
            {
                parts[part] = value;
            }
        }
    }
}
