using Microsoft.Data.Sqlite;

namespace IntegrationHub.Messaging.Sqlite;

/// <summary>
/// Settings of the SQLite table-queue transport. All queues live in one table of one SQLite file, which can be the
/// same file as the application's own state, so handlers commit state and messages in one transaction.
/// </summary>
/// <remarks>
/// The transport receives in one of two modes, chosen with <see cref="LeaseDuration"/>:
/// <list type="bullet">
/// <item><description>
/// <b>Transactional</b> (the default, <see cref="LeaseDuration"/> null): the message is deleted in a write transaction
/// that stays open while the handler runs. The handler's own database work (through <c>GetSqliteTransaction()</c>), the
/// messages it sends and the removal of the incoming message commit or roll back together: exactly-once processing of
/// state in the same file. The price is that the handler holds SQLite's single write lock for as long as it runs, so
/// every other writer to the file waits. Use it for short handlers whose work is in this database.
/// </description></item>
/// <item><description>
/// <b>Lease</b> (<see cref="LeaseDuration"/> set): a short transaction makes the message invisible for the lease and
/// commits at once, so no lock is held while the handler runs; ACK deletes the message, NACK makes it visible again at
/// once, and a crash leaves it to reappear when the lease ends. Messages the handler sends (including deferrals and
/// Rebus's copy to the error queue) are written when Rebus commits, in a short transaction of their own, just before
/// the ACK. Delivery is at-least-once (a crash between the two, or a handler that overruns its lease, means the message
/// is handled again): handlers must be idempotent and manage their own transactions. Several lease-mode handlers run
/// at the same time, up to Rebus's parallelism. Use it for handlers that wait on the network (HTTP, SMTP, AMQP) or
/// otherwise run long.
/// </description></item>
/// </list>
/// </remarks>
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
    private TimeSpan? _leaseDuration;

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
    /// writer at a time and, in transactional mode, a handler holds the lock for as long as it runs, so keep such
    /// handlers short.
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
    /// Null (the default) for transactional mode; otherwise lease mode with this lease, between 1 second and 1 hour
    /// (see the remarks on <see cref="SqliteTransportOptions"/>). A received message stays invisible to other consumers
    /// for the lease; there is no automatic renewal, so the lease must be longer than the longest handler run plus the
    /// waits for the write lock to send and acknowledge. Each failed attempt is a delivery of its own (Rebus NACKs it and
    /// receives it again), but a second-level retry handler runs in the delivery of the last failed attempt, so with
    /// second-level retries the lease must cover both. When a handler overruns its lease, the message can be received
    /// and handled again by another consumer; the overrunning handler's ACK then leaves the other consumer's lease alone,
    /// so the message is handled at least once, possibly twice.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The lease is shorter than 1 second or longer than 1 hour.</exception>
    public TimeSpan? LeaseDuration
    {
        get => _leaseDuration;
        set => _leaseDuration = value is not { } lease || (lease >= TimeSpan.FromSeconds(1) && lease <= TimeSpan.FromHours(1))
            ? value
            : throw new ArgumentOutOfRangeException(nameof(LeaseDuration), value, "The lease duration must be between one second and one hour, or null for transactional mode.");
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
