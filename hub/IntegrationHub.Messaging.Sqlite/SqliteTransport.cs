using Microsoft.Data.Sqlite;
using Rebus.Bus;
using Rebus.Logging;
using Rebus.Messages;
using Rebus.Threading;
using Rebus.Transport;

namespace IntegrationHub.Messaging.Sqlite;

/// <summary>
/// A Rebus transport that keeps every queue in one table of a SQLite file ("table queue"), modelled on Rebus.PostgreSql.
/// Receiving runs in a BEGIN IMMEDIATE transaction that deletes the message and stays open while the handler runs, so
/// the handler's writes, its outgoing messages and the removal of the incoming message commit or roll back together.
/// </summary>
/// <remarks>
/// Throughput is that of a single writer: SQLite lets one connection write at a time, and a receive transaction holds
/// the write lock for as long as its handler runs. Within a process, a write gate queues the transport's writers
/// without blocking threads; between processes SQLite's busy timeout does. Competing consumers (several workers, or
/// several processes on the same file) are safe because the delete happens under the write lock.
/// </remarks>
/// <param name="database">The database file, already switched to WAL.</param>
/// <param name="table">The message table, already created unless the options said not to.</param>
/// <param name="inputQueueName">The queue to receive from, or null for a one-way client.</param>
/// <param name="options">The busy timeout and cleanup interval are taken from here.</param>
/// <param name="timeProvider">"Now" for visibility, deferral and expiry.</param>
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
    private readonly int _cleanupIntervalSeconds = (int)options.ExpiredMessagesCleanupInterval.TotalSeconds;
    private readonly ILog _log = loggerFactory.GetLogger<SqliteTransport>();
    private readonly string _pendingKey = $"{TransactionContextKeys.PendingPrefix}{database.Path}|{table.Name}";

    // One writer at a time per transport instance; waiting here is async, unlike waiting in SQLite's busy handler.
    private readonly SemaphoreSlim _writeGate = new(1, 1);
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
    /// Sends in the receive transaction when called from a handler; in the enlisted caller transaction, when there is
    /// one, on commit; otherwise on commit in a transaction of its own.
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
    /// Takes the next visible message of the input queue in a BEGIN IMMEDIATE transaction that Rebus completes: ACK
    /// commits (the message is gone), NACK or a crash rolls back (the message is back in the queue).
    /// </summary>
    public async Task<TransportMessage?> Receive(ITransactionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var queue = Address ?? throw new InvalidOperationException("A one-way client has no input queue to receive from.");

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

    /// <summary>Stops the cleanup task.</summary>
    public void Dispose() => _expiredMessagesCleanup?.Dispose();

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
        if (!await _writeGate.WaitAsync(_busyTimeout))
        {
            throw new TimeoutException(
                $"Could not send: no write access to the SQLite database '{database.Path}' within {_busyTimeout}. A long-running handler holds the write lock, or a handler sends from a flow that does not belong to it.");
        }

        try
        {
            await using var connection = await database.OpenAsync(CancellationToken.None);
            await using var transaction = connection.BeginTransaction(deferred: false);
            await table.InsertAsync(connection, transaction, rows, CancellationToken.None);
            await transaction.CommitAsync();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task DeleteExpiredMessagesAsync()
    {
        if (!await _writeGate.WaitAsync(_busyTimeout))
        {
            return;
        }

        try
        {
            await using var connection = await database.OpenAsync(CancellationToken.None);
            var deleted = await table.DeleteExpiredAsync(connection, Now(), CancellationToken.None);
            if (deleted > 0)
            {
                _log.Info("Deleted {count} expired messages from table {tableName}", deleted, table.Name);
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }
}
