namespace Migrations.Runtime.Testing;

/// <summary>PostgreSQL's table lock modes, weakest to strongest, as pg_locks names them.</summary>
internal static class LockModes
{
    public const string Share = Migrations.Safety.Rules.LockModes.Share;
    public const string ShareRowExclusive = Migrations.Safety.Rules.LockModes.ShareRowExclusive;
    public const string AccessExclusive = Migrations.Safety.Rules.LockModes.AccessExclusive;

    private static readonly string[] Order =
    [
        "AccessShareLock", "RowShareLock", "RowExclusiveLock", "ShareUpdateExclusiveLock",
        Share, ShareRowExclusive, "ExclusiveLock", AccessExclusive,
    ];

    public static int Strength(string mode) => Array.IndexOf(Order, mode);

    public static string Stronger(string left, string right) => Strength(left) >= Strength(right) ? left : right;

    /// <summary>"ShareRowExclusiveLock" → "SHARE ROW EXCLUSIVE", as the PostgreSQL documentation writes them.</summary>
    public static string Display(string mode)
    {
        var name = mode.EndsWith("Lock", StringComparison.Ordinal) ? mode[..^4] : mode;
        return string.Concat(name.Select((character, index) => index > 0 && char.IsUpper(character) ? " " + character : character.ToString())).ToUpperInvariant();
    }

    /// <summary>SHARE and stronger block INSERT, UPDATE and DELETE for as long as they are held.</summary>
    public static bool BlocksWrites(string mode) => Strength(mode) >= Strength(Share);
}
