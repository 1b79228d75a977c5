using System.Globalization;
using Microsoft.Data.Sqlite;

namespace IntegrationHub.Store.Sqlite;

/// <summary>Validated <see cref="SqliteStoreOptions"/>: the final connection string and per-connection pragmas.</summary>
internal sealed record SqliteSettings(string ConnectionString, string DatabaseFile, int BusyTimeoutMilliseconds, SqliteSynchronous Synchronous)
{
    /// <summary>Validates the options; every message says which option to fix.</summary>
    public static SqliteSettings From(SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);
        var hasPath = !string.IsNullOrWhiteSpace(options.DatabasePath);
        if (hasConnectionString == hasPath)
        {
            throw new ArgumentException(
                hasPath
                    ? "SqliteStoreOptions: set either ConnectionString or DatabasePath, not both."
                    : "SqliteStoreOptions: set ConnectionString or DatabasePath to name the database file.",
                nameof(options));
        }

        if (options.BusyTimeout < TimeSpan.Zero || options.BusyTimeout.TotalMilliseconds > int.MaxValue)
        {
            throw new ArgumentException("SqliteStoreOptions.BusyTimeout must be zero or positive and at most 24 days.", nameof(options));
        }

        if (!Enum.IsDefined(options.Synchronous))
        {
            throw new ArgumentException("SqliteStoreOptions.Synchronous must be Normal, Full or Extra.", nameof(options));
        }

        SqliteConnectionStringBuilder builder;
        try
        {
            builder = hasPath
                ? new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(options.DatabasePath!), Mode = SqliteOpenMode.ReadWriteCreate }
                : new SqliteConnectionStringBuilder(options.ConnectionString);
        }
        catch (ArgumentException ex)
        {
            // The builder names the offending keyword or path problem only, never a secret value.
            throw new ArgumentException($"SqliteStoreOptions: the database is not named validly: {ex.Message}", nameof(options), ex);
        }

        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            throw new ArgumentException("SqliteStoreOptions.ConnectionString has no Data Source; name the database file.", nameof(options));
        }

        if (builder.Mode == SqliteOpenMode.Memory
            || builder.DataSource.Contains(":memory:", StringComparison.OrdinalIgnoreCase)
            || builder.DataSource.Contains("mode=memory", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException(
                "SqliteStoreOptions: in-memory databases are not supported, because the store opens a connection per operation "
                + "and every in-memory connection is a database of its own. Name a file.",
                nameof(options));
        }

        if (builder.Mode == SqliteOpenMode.ReadOnly)
        {
            throw new ArgumentException("SqliteStoreOptions.ConnectionString opens the database read-only; the store writes to it.", nameof(options));
        }

        var busyMilliseconds = (int)Math.Ceiling(options.BusyTimeout.TotalMilliseconds);
        // Microsoft.Data.Sqlite retries a busy statement until the command timeout passes, on top of
        // SQLite's own busy handler; zero would mean "forever", so one second is the floor.
        builder.DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds));
        return new SqliteSettings(builder.ConnectionString, builder.DataSource, busyMilliseconds, options.Synchronous);
    }

    /// <summary>The pragmas every connection gets; they are per connection, not stored in the file.</summary>
    public string ConnectionPragmas { get; } = string.Create(
        CultureInfo.InvariantCulture,
        $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA synchronous = {(int)Synchronous}; PRAGMA foreign_keys = ON;");
}
