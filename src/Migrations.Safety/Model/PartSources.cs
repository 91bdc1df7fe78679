using System;

namespace Migrations.Safety.Model;

/// <summary>
/// Where each part of an operation was read from, as the reader's own objects (a Roslyn location for the C# reader, a
/// text offset for the SQL reader). The rules never look inside; whoever reports a finding maps it back.
/// </summary>
public sealed class PartSources
{
    // One slot per part: every operation of every migration carries one of these, and a dictionary that grows as the
    // reader fills it cost more than the rest of reading a fluent call (profiled on a 2,000-migration build).
    private static readonly int PartCount = Enum.GetValues(typeof(OperationPart)).Length;

    private readonly object?[] parts = new object?[PartCount];

    public object? this[OperationPart part]
    {
        get => parts[(int)part];
        set => parts[(int)part] = value;
    }
}
