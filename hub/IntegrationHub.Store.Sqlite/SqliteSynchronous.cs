namespace IntegrationHub.Store.Sqlite;

/// <summary>SQLite's <c>PRAGMA synchronous</c> levels that are safe to use with WAL.</summary>
public enum SqliteSynchronous
{
    /// <summary>
    /// Syncs the WAL at checkpoints only: survives an application crash, but the newest commits
    /// can be lost on power loss. Only for data that can be re-received.
    /// </summary>
    Normal = 1,

    /// <summary>Syncs the WAL at every commit: an acknowledged commit survives power loss.</summary>
    Full = 2,

    /// <summary>Like <see cref="Full"/>, and also syncs the directory after deleting a journal.</summary>
    Extra = 3,
}
