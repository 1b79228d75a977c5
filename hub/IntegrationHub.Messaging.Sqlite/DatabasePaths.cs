using Microsoft.Data.Sqlite;

namespace IntegrationHub.Messaging.Sqlite;

/// <summary>Compares database files, so a transaction is only reused for writes to the database it belongs to.</summary>
internal static class DatabasePaths
{
    /// <summary>Compares resolved paths the way the file system does (case-insensitively on Windows).</summary>
    public static StringComparer Comparer { get; } = OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <summary>The file of an open connection as SQLite resolved it (absolute), or the configured data source.</summary>
    public static string Of(SqliteConnection connection) => Path.GetFullPath(connection.DataSource);

    /// <summary>Whether two resolved paths name the same file.</summary>
    public static bool Same(string left, string right) => Comparer.Equals(left, right);
}
