using Microsoft.Data.Sqlite;
using Rebus.Extensions;
using Rebus.Logging;
using Rebus.Messages;

namespace IntegrationHub.Messaging.Sqlite;

/// <summary>
/// The lease on one message received in lease mode: the row stays in the table, invisible until
/// <paramref name="leaseUntil"/>, while the handler runs without holding any lock. ACK deletes the row, NACK makes it
/// visible again at once, and if neither happens (the process died) the row reappears when the lease ends.
/// </summary>
/// <remarks>
/// Both end the lease only if the row still carries this lease. When the handler overran the lease and another
/// consumer received the message again, the row carries that consumer's lease (or is gone), and is left alone: the
/// message is then handled twice, which is the at-least-once guarantee of lease mode.
/// </remarks>
/// <param name="database">The database file.</param>
/// <param name="table">The message table.</param>
/// <param name="id">The row's id.</param>
/// <param name="messageId">The Rebus message id, for the log.</param>
/// <param name="leaseUntil">The visible_after the lease set (Unix milliseconds); together with the id it identifies the lease.</param>
/// <param name="gateTimeout">How long to wait for the write gate.</param>
/// <param name="timeProvider">"Now" for making the message visible again.</param>
/// <param name="log">For leases found lost.</param>
internal sealed class SqliteLease(
    SqliteDatabase database,
    SqliteMessageTable table,
    long id,
    string? messageId,
    long leaseUntil,
    TimeSpan gateTimeout,
    TimeProvider timeProvider,
    ILog log)
{
    private int _ended;

    /// <summary>
    /// Leases the next visible message of <paramref name="queue"/> for <paramref name="leaseDuration"/> in a short
    /// transaction behind the write gate; null when none is visible or the gate stayed closed for the busy timeout.
    /// </summary>
    public static async Task<(SqliteLease Lease, TransportMessage Message)?> TryTakeAsync(
        SqliteDatabase database,
        SqliteMessageTable table,
        string queue,
        TimeSpan leaseDuration,
        TimeSpan gateTimeout,
        TimeProvider timeProvider,
        ILog log,
        CancellationToken cancellationToken)
    {
        (long Id, TransportMessage Message)? leased = null;
        long leaseUntil = 0;
        var wrote = await database.TryWriteAsync(
            gateTimeout,
            async (connection, transaction, token) =>
            {
                var now = timeProvider.GetUtcNow();
                leaseUntil = now.Add(leaseDuration).ToUnixTimeMilliseconds();
                leased = await table.LeaseNextAsync(connection, transaction, queue, now.ToUnixTimeMilliseconds(), leaseUntil, token);
            },
            cancellationToken);
        if (!wrote || leased is not { } row)
        {
            return null;
        }

        var (id, message) = row;
        var messageId = message.Headers.GetValueOrNull(Headers.MessageId);
        return (new SqliteLease(database, table, id, messageId, leaseUntil, gateTimeout, timeProvider, log), message);
    }

    /// <summary>ACK: deletes the message, unless the lease was lost.</summary>
    public async Task AckAsync()
    {
        if (Interlocked.Exchange(ref _ended, 1) != 0)
        {
            return;
        }

        var deleted = false;
        await WriteAsync(async (connection, transaction, cancellationToken) =>
            deleted = await table.DeleteLeasedAsync(connection, transaction, id, leaseUntil, cancellationToken));
        if (!deleted)
        {
            log.Warn(
                "Message {messageId} (row {rowId} of table {tableName}) was handled, but its lease had been lost (the handler ran longer than the lease and the message was received again, or it expired), so it was not deleted here and may be handled more than once",
                messageId,
                id,
                table.Name);
        }
    }

    /// <summary>
    /// NACK: makes the message visible again at once, unless the lease was lost. Its visible_after becomes now, so it
    /// queues behind the messages of its priority that were already waiting (transactional mode keeps its place).
    /// </summary>
    public async Task ReleaseAsync()
    {
        if (Interlocked.Exchange(ref _ended, 1) != 0)
        {
            return;
        }

        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        await WriteAsync((connection, transaction, cancellationToken) =>
            table.ReleaseLeaseAsync(connection, transaction, id, leaseUntil, now, cancellationToken));
    }

    private async Task WriteAsync(Func<SqliteConnection, SqliteTransaction, CancellationToken, Task> work)
    {
        if (!await database.TryWriteAsync(gateTimeout, work, CancellationToken.None))
        {
            throw new TimeoutException(
                $"No write access to the SQLite database '{database.Path}' within {gateTimeout} to end the lease on row {id} of table '{table.Name}'; it becomes visible again when the lease ends.");
        }
    }
}
