namespace IntegrationHub.Host.Storage;

/// <summary>Where the hub keeps its state and its queues.</summary>
public enum StorageProvider
{
    /// <summary>One SQLite file under the data directory: the embedded default, nothing to install.</summary>
    Sqlite,
    /// <summary>PostgreSQL, shared by several hub processes (scale-out).</summary>
    PostgreSql,
}
