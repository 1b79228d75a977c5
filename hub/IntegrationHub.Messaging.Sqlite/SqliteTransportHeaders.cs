namespace IntegrationHub.Messaging.Sqlite;

/// <summary>Headers the SQLite transport interprets, besides Rebus's deferral and time-to-be-received headers.</summary>
public static class SqliteTransportHeaders
{
    /// <summary>
    /// Message priority, an integer (default 0); among visible messages of a queue, higher priorities are received first.
    /// Same header as Rebus's SQL Server and PostgreSQL transports.
    /// </summary>
    public const string MessagePriority = "rbs2-msg-priority";
}
