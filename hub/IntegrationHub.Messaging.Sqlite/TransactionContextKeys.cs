namespace IntegrationHub.Messaging.Sqlite;

/// <summary>Keys of the items the transport keeps in a Rebus transaction context.</summary>
internal static class TransactionContextKeys
{
    /// <summary>The <see cref="SqliteReceiveTransaction"/> of a received message.</summary>
    public const string Receive = "sqlite-transport:receive-transaction";

    /// <summary>The <see cref="SqliteLease"/> of a message received in lease mode.</summary>
    public const string Lease = "sqlite-transport:lease";

    /// <summary>A caller's <see cref="SqliteTransportTransaction"/> enlisted with <c>UseSqliteTransaction</c>.</summary>
    public const string Enlisted = "sqlite-transport:enlisted-transaction";

    /// <summary>Prefix of the per-database, per-table list of messages waiting for the context to commit.</summary>
    public const string PendingPrefix = "sqlite-transport:pending:";
}
