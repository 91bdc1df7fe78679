namespace Migrations.Runtime.Testing;

/// <summary>What a migration did to one table that existed before it ran: its strongest lock, for how long, and whether it was rewritten.</summary>
public sealed record ObservedTable(string Table, string? StrongestLock, long HeldMs, bool Rewritten)
{
    public string LockDisplay => StrongestLock is null ? "no lock seen" : LockModes.Display(StrongestLock);
}
