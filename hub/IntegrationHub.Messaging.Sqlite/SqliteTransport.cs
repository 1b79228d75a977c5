using Microsoft.Data.Sqlite;
using Rebus.Bus;
using Rebus.Logging;
using Rebus.Messages;
using Rebus.Threading;
using Rebus.Transport;

namespace IntegrationHub.Messaging.Sqlite;

/// <summary>
/// A Rebus transport that keeps every queue in one table of a SQLite file ("table queue"), modelled on Rebus.PostgreSql.
/// In transactional mode (the default), receiving runs in a BEGIN IMMEDIATE transaction that deletes the message and
/// stays open while the handler runs, so the handler's writes, its outgoing messages and the removal of the incoming
/// message commit or roll back together. In lease mode (<see cref="SqliteTransportOptions.LeaseDuration"/>), a short
/// transaction leases the message and the handler runs without holding the write lock.
/// </summary>
/// <remarks>
/// SQLite lets one connection write at a time. In transactional mode a receive transaction holds the write lock for as
/// long as its handler runs, so throughput is that of a single writer; in lease mode only the short lease, send and
/// ACK transactions take it. Within a process, one write gate per database file (shared by all transport instances on
/// it) queues the transport's writers without blocking threads; between processes SQLite's busy timeout does.
/// Competing consumers (several workers, or several processes on the same file) are safe because the delete, or the
/// lease, happens under the write lock.
/// </remarks>
/// <param name="database">The database file, already switched to WAL.</param>
/// <param name="table">The message table, already created unless the options said not to.</param>
/// <param name="inputQueueName">The queue to receive from, or null for a one-way client.</param>
/// <param name="options">The busy timeout, lease duration and cleanup interval are taken from here.</param>
/// <param name="timeProvider">"Now" for visibility, leases, deferral and expiry.</param>
/// <param name="loggerFactory">Rebus's logging.</param>
/// <param name="asyncTaskFactory">Rebus's background tasks, for the expired-messages cleanup.</param>
internal sealed class SqliteTransport(
    SqliteDatabase database,
    SqliteMessageTable table,
    string? inputQueueName,
    SqliteTransportOptions options,
    TimeProvider timeProvider,
    IRebusLoggerFactory loggerFactory,
    IAsyncTaskFactory asyncTaskFactory) : ITransport, IInitializable, IDisposable
{
    /// <summary>
    /// Rebus's "external timeout manager" address when this transport is used: a deferred message sent here is stored
    /// for its <c>rbs2-defer-recipient</c>, invisible until <c>rbs2-deferred-until</c> (native deferral).
    /// </summary>
    public const string NativeDeferralAddress = "##### SQLite transport native deferral #####";

    private readonly OutgoingMessageRowFactory _rows = new(timeProvider);
    private readonly TimeSpan _busyTimeout = options.BusyTimeout;
    private readonly TimeSpan? _leaseDuration = options.LeaseDuration;
    private readonly int _cleanupIntervalSeconds = (int)options.ExpiredMessagesCleanupInterval.TotalSeconds;
    private readonly ILog _log = loggerFactory.GetLogger<SqliteTransport>();
    private readonly string _pendingKey = $"{TransactionContextKeys.PendingPrefix}{database.Path}|{table.Name}";

    // One writer at a time per database file in this process; waiting here is async, unlike in SQLite's busy handler.
    private readonly SemaphoreSlim _writeGate = database.WriteGate;
    private IAsyncTask? _expiredMessagesCleanup;

    /// <summary>Connects to the file, switches it to WAL, creates the table if asked to, and builds the transport.</summary>
    public static SqliteTransport Create(
        SqliteTransportOptions options,
        string? inputQueueName,
        TimeProvider timeProvider,
        IRebusLoggerFactory loggerFactory,
        IAsyncTaskFactory asyncTaskFactory)
    {
        var database = SqliteDatabase.Connect(options);
        var table = new SqliteMessageTable(options.TableName);
        if (options.AutomaticallyCreateTable)
        {
            using var connection = database.Open();
            table.EnsureCreated(connection);
        }

        return new SqliteTransport(database, table, inputQueueName, options, timeProvider, loggerFactory, asyncTaskFactory);
    }

    /// <summary>The input queue, or null for a one-way client.</summary>
    public string? Address { get; } = inputQueueName;

    /// <summary>Starts the expired-messages cleanup when this instance receives.</summary>
    public void Initialize()
    {
        if (Address is null || _expiredMessagesCleanup is not null)
        {
            return;
        }

        _expiredMessagesCleanup = asyncTaskFactory.Create(
            $"SqliteTransport expired messages cleanup ({table.Name})",
            DeleteExpiredMessagesAsync,
            intervalSeconds: _cleanupIntervalSeconds);
        _expiredMessagesCleanup.Start();
    }

    /// <summary>Nothing to create: every queue is rows in the one table.</summary>
    public void CreateQueue(string address)
    {
    }

    /// <summary>
    /// Sends in the receive transaction when called from a transactional-mode handler; otherwise on commit of the
    /// context: in the enlisted caller transaction when there is one, else in a short transaction of its own. A
    /// lease-mode handler has no receive transaction, so its sends are written on commit, before the ACK.
    /// </summary>
    public async Task Send(string destinationAddress, TransportMessage message, ITransactionContext context)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destinationAddress);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        var row = _rows.Create(destinationAddress, message);

        if (context.Items.TryGetValue(TransactionContextKeys.Receive, out var item)
            && item is SqliteReceiveTransaction receive
            && DatabasePaths.Same(receive.DatabasePath, database.Path))
        {
            await receive.InsertAsync(table, [row], CancellationToken.None);
            return;
        }

        var pending = context.GetOrAdd(_pendingKey, () =>
        {
            var messages = new PendingOutgoingMessages();
            context.OnCommit(_ => WritePendingAsync(context, messages));
            return messages;
        });
        pending.Add(row);
    }

    /// <summary>
    /// Takes the next visible message of the input queue. Transactional mode: in a BEGIN IMMEDIATE transaction that
    /// Rebus completes (ACK commits and the message is gone; NACK or a crash rolls back and it is back in the queue).
    /// Lease mode: leased in a short transaction (see <see cref="SqliteLease"/>).
    /// </summary>
    public Task<TransportMessage?> Receive(ITransactionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var queue = Address ?? throw new InvalidOperationException("A one-way client has no input queue to receive from.");
        return _leaseDuration is { } leaseDuration
            ? ReceiveWithLeaseAsync(context, queue, leaseDuration, cancellationToken)
            : ReceiveInTransactionAsync(context, queue, cancellationToken);
    }

    /// <summary>Stops the cleanup task.</summary>
    public void Dispose() => _expiredMessagesCleanup?.Dispose();

    private async Task<TransportMessage?> ReceiveInTransactionAsync(ITransactionContext context, string queue, CancellationToken cancellationToken)
    {
        SqliteConnection? connection = await database.OpenAsync(cancellationToken);
        var holdsGate = false;
        SqliteTransaction? transaction = null;
        try
        {
            // A plain read first: idle polling must not take the write lock that handlers and senders need.
            if (!await table.HasVisibleMessageAsync(connection, queue, Now(), cancellationToken))
            {
                return null;
            }

            holdsGate = await _writeGate.WaitAsync(_busyTimeout, cancellationToken);
            if (!holdsGate)
            {
                return null;
            }

            transaction = connection.BeginTransaction(deferred: false);
            var message = await table.TakeNextAsync(connection, transaction, queue, Now(), cancellationToken);
            if (message is null)
            {
                // Another consumer was faster.
                return null;
            }

            var receive = new SqliteReceiveTransaction(connection, transaction, _writeGate);
            (connection, transaction, holdsGate) = (null, null, false);
            try
            {
                await receive.BeginHandlerWorkAsync(cancellationToken);
                context.Items[TransactionContextKeys.Receive] = receive;
                context.OnRollback(_ => receive.RollbackHandlerWorkAsync());
                context.OnAck(_ => receive.CommitAsync());
                context.OnNack(_ => receive.RollbackAsync());
                context.OnDisposed(_ => receive.Dispose());
            }
            catch
            {
                context.Items.TryRemove(TransactionContextKeys.Receive, out _);
                receive.Dispose();
                throw;
            }

            return message;
        }
        catch (SqliteException exception) when (SqliteErrors.IsBusy(exception))
        {
            // Another process held the write lock for longer than the busy timeout; Rebus backs off and polls again.
            _log.Debug("The SQLite database was busy; will poll queue {queueName} again", queue);
            return null;
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }

            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            if (holdsGate)
            {
                _writeGate.Release();
            }
        }
    }

    private async Task<TransportMessage?> ReceiveWithLeaseAsync(ITransactionContext context, string queue, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        try
        {
            // A plain read first: idle polling must not take the write lock that handlers and senders need.
            await using (var connection = await database.OpenAsync(cancellationToken))
            {
                if (!await table.HasVisibleMessageAsync(connection, queue, Now(), cancellationToken))
                {
                    return null;
                }
            }

            if (await SqliteLease.TryTakeAsync(database, table, queue, leaseDuration, _busyTimeout, timeProvider, _log, cancellationToken) is not { } taken)
            {
                // The gate stayed closed for the busy timeout, or another consumer was faster.
                return null;
            }

            var (lease, message) = taken;
            context.Items[TransactionContextKeys.Lease] = lease;
            // No rollback callback: rollback only means "don't commit the handler's work" (a dead-lettered message is
            // rolled back and ACKed). Rebus NACKs a context disposed without a result, so only a process that dies
            // leaves the lease to run out.
            context.OnAck(_ => lease.AckAsync());
            context.OnNack(_ => lease.ReleaseAsync());
            return message;
        }
        catch (SqliteException exception) when (SqliteErrors.IsBusy(exception))
        {
            _log.Debug("The SQLite database was busy; will poll queue {queueName} again", queue);
            return null;
        }
    }

    private long Now() => timeProvider.GetUtcNow().ToUnixTimeMilliseconds();

    private async Task WritePendingAsync(ITransactionContext context, PendingOutgoingMessages pending)
    {
        var rows = pending.TakeAll();
        if (rows.Count == 0)
        {
            return;
        }

        if (context.Items.TryGetValue(TransactionContextKeys.Enlisted, out var item) && item is SqliteTransportTransaction enlisted)
        {
            await WriteEnlistedAsync(enlisted, rows);
            return;
        }

        if (ReceiveScope.Current is { } receive
            && DatabasePaths.Same(receive.DatabasePath, database.Path)
            && receive.TryWriteAtEnd(table, rows))
        {
            return;
        }

        await WriteOwnTransactionAsync(rows);
    }

    private async Task WriteEnlistedAsync(SqliteTransportTransaction enlisted, List<OutgoingMessageRow> rows)
    {
        if (!DatabasePaths.Same(enlisted.DatabasePath, database.Path))
        {
            throw new InvalidOperationException(
                $"The enlisted SQLite transaction belongs to '{enlisted.DatabasePath}', but the transport's queues are in '{database.Path}'; messages can only be written atomically with a transaction on the same database file.");
        }

        if (enlisted.Transaction.Connection is null)
        {
            throw new InvalidOperationException(
                "The enlisted SQLite transaction was already committed or rolled back. Complete the RebusTransactionScope (which writes the messages) before committing the SQLite transaction.");
        }

        await table.InsertAsync(enlisted.Connection, enlisted.Transaction, rows, CancellationToken.None);
    }

    private async Task WriteOwnTransactionAsync(List<OutgoingMessageRow> rows)
    {
        var wrote = await database.TryWriteAsync(
            _busyTimeout,
            (connection, transaction, cancellationToken) => table.InsertAsync(connection, transaction, rows, cancellationToken),
            CancellationToken.None);
        if (!wrote)
        {
            throw new TimeoutException(
                $"Could not send: no write access to the SQLite database '{database.Path}' within {_busyTimeout}. A long-running transactional-mode handler holds the write lock, or a handler sends from a flow that does not belong to it.");
        }
    }

    private async Task DeleteExpiredMessagesAsync()
    {
        var deleted = 0;
        await database.TryWriteAsync(
            _busyTimeout,
            async (connection, transaction, cancellationToken) => deleted = await table.DeleteExpiredAsync(connection, transaction, Now(), cancellationToken),
            CancellationToken.None);
        if (deleted > 0)
        {
            _log.Info("Deleted {count} expired messages from table {tableName}", deleted, table.Name);
        }
    }
}
