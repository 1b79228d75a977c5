using Microsoft.Data.Sqlite;

namespace IntegrationHub.Messaging.Sqlite;

/// <summary>Recognizes SQLite's "another connection holds the lock" errors.</summary>
internal static class SqliteErrors
{
    private const int Busy = 5;
    private const int Locked = 6;

    /// <summary>Whether the error means the write lock was not available within the busy timeout.</summary>
    public static bool IsBusy(SqliteException exception) =>
        (exception.SqliteErrorCode & 0xFF) is Busy or Locked;
}
