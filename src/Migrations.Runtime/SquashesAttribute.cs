namespace Migrations;

/// <summary>
/// Marks the migration that <c>squash</c> wrote in place of older ones: it recreates what they did, and takes the
/// newest one's version. A database whose history shows that newest version applied already has its schema: the
/// migration counts as applied there, and the squashed versions in its history are neither unknown nor re-run. A
/// database that ran none of them runs this migration instead; one that ran only some is refused until an older
/// bundle has deployed the rest.
/// </summary>
/// <example><code>[Squashes(20240101000000, 20240102000000, 20240103000000)] [Migration(20240103000000)]</code></example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class SquashesAttribute(params long[] versions) : Attribute
{
    public IReadOnlyList<long> Versions { get; } = versions;
}
