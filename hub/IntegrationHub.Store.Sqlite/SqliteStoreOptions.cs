namespace IntegrationHub.Store.Sqlite;

/// <summary>
/// Where and how <see cref="SqliteHubStore"/> keeps its database. Set either
/// <see cref="ConnectionString"/> or <see cref="DatabasePath"/>.
/// </summary>
public sealed class SqliteStoreOptions
{
    /// <summary>A Microsoft.Data.Sqlite connection string naming a database file.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The database file; created, with its folder, by <see cref="SqliteHubStore.MigrateAsync"/>.</summary>
    public string? DatabasePath { get; set; }

    /// <summary>
    /// How long a writer waits for another writer before giving up (SQLite allows one writer at a
    /// time). Rounded up to whole seconds, at least one. Default 30 seconds.
    /// </summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// When SQLite flushes to disk. <see cref="SqliteSynchronous.Full"/> (the default) makes every
    /// acknowledged commit survive a power loss.
    /// </summary>
    public SqliteSynchronous Synchronous { get; set; } = SqliteSynchronous.Full;
}
