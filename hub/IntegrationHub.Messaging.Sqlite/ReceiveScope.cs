namespace IntegrationHub.Messaging.Sqlite;

/// <summary>
/// The receive transaction of the message being handled in the current async flow (transactional mode only; a lease
/// holds no transaction). Rebus's error handler (and user
/// code) can send in a new transaction context while a handler's transaction holds SQLite's only write lock; such sends
/// find the receive transaction here and are written by it instead of waiting for a lock that cannot be released.
/// </summary>
internal static class ReceiveScope
{
    private static readonly AsyncLocal<SqliteReceiveTransaction?> Transaction = new();

    /// <summary>The receive transaction of the current async flow, if any.</summary>
    public static SqliteReceiveTransaction? Current
    {
        get => Transaction.Value;
        set => Transaction.Value = value;
    }
}
