using Microsoft.Data.Sqlite;

namespace IntegrationHub.Messaging.Sqlite;

/// <summary>
/// Settings of the SQLite table-queue transport. All queues live in one table of one SQLite file, which can be the
/// same file as the application's own state, so handlers commit state and messages in one transaction.
/// </summary>
/// <param name="connectionString">
/// A Microsoft.Data.Sqlite connection string naming a database file, e.g. <c>Data Source=data/hub.db</c>.
/// In-memory databases are rejected because the transport opens several connections.
/// </param>
public sealed class SqliteTransportOptions(string connectionString)
{
    /// <summary>The table used when <see cref="TableName"/> is not set.</summary>
    public const string DefaultTableName = "rebus_messages";

    private string _tableName = DefaultTableName;
    private TimeSpan _busyTimeout = TimeSpan.FromSeconds(30);
    private TimeSpan _expiredMessagesCleanupInterval = TimeSpan.FromMinutes(1);

    /// <summary>The validated connection string.</summary>
    public string ConnectionString { get; } = ValidateConnectionString(connectionString);

    /// <summary>
    /// The table holding every queue's messages (default <c>rebus_messages</c>). It is spliced into SQL, so it must be a
    /// plain identifier: letters, digits and underscores, starting with a letter or underscore, at most 64 characters.
    /// </summary>
    /// <exception cref="ArgumentException">The name is not a safe identifier.</exception>
    public string TableName
    {
        get => _tableName;
        set => _tableName = SqlIdentifier.Validate(value, nameof(TableName));
    }

    /// <summary>Whether the table and its indexes are created when the bus starts (default true).</summary>
    public bool AutomaticallyCreateTable { get; set; } = true;

    /// <summary>
    /// How long a connection waits for SQLite's single write lock before giving up (default 30 s). SQLite allows one
    /// writer at a time and a handler holds the lock for as long as it runs, so keep handlers short.
    /// </summary>
    public TimeSpan BusyTimeout
    {
        get => _busyTimeout;
        set => _busyTimeout = value > TimeSpan.Zero && value <= TimeSpan.FromHours(1)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(BusyTimeout), value, "The busy timeout must be positive and at most one hour.");
    }

    /// <summary>How often messages whose time-to-be-received has passed are deleted (default 1 minute, whole seconds, at least 1 s).</summary>
    public TimeSpan ExpiredMessagesCleanupInterval
    {
        get => _expiredMessagesCleanupInterval;
        set => _expiredMessagesCleanupInterval = value >= TimeSpan.FromSeconds(1) && value <= TimeSpan.FromDays(1)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(ExpiredMessagesCleanupInterval), value, "The cleanup interval must be between one second and one day.");
    }

    /// <summary>
    /// The clock for visibility, deferral and expiry. When set it also replaces Rebus's <c>IRebusTime</c>, so Rebus and the
    /// transport agree on "now"; when null the transport uses whatever <c>IRebusTime</c> Rebus resolves.
    /// </summary>
    public TimeProvider? TimeProvider { get; set; }

    private static string ValidateConnectionString(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new ArgumentException($"The SQLite connection string is invalid: {e.Message}", nameof(connectionString), e);
        }

        if (string.IsNullOrWhiteSpace(builder.DataSource)
            || builder.DataSource.Equals(":memory:", StringComparison.OrdinalIgnoreCase)
            || builder.Mode == SqliteOpenMode.Memory)
        {
            throw new ArgumentException(
                "The SQLite transport needs a database file (Data Source=path/to/file.db); in-memory databases cannot be shared by the transport's connections.",
                nameof(connectionString));
        }

        if (builder.Mode == SqliteOpenMode.ReadOnly)
        {
            throw new ArgumentException("The SQLite transport writes to the database, so the connection string cannot use Mode=ReadOnly.", nameof(connectionString));
        }

        return connectionString;
    }
}
