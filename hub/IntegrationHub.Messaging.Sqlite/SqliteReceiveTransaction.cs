using Microsoft.Data.Sqlite;

namespace IntegrationHub.Messaging.Sqlite;

/// <summary>
/// The write transaction of one message received in transactional mode. It is opened with BEGIN IMMEDIATE, deletes the message, and stays
/// open while the handler runs, so the handler's own writes and the messages it sends commit atomically with the
/// removal of the incoming message, and a crash or a failure rolls all of it back (the message returns to the queue).
/// </summary>
/// <remarks>
/// Rebus ends a message with two decisions: commit (keep the handler's work) and ACK (remove the message). They map to
/// savepoints inside the one SQLite transaction: the handler's work runs under the savepoint <c>rebus_handler</c>
/// (rolled back on "don't commit"), each delivery attempt under <c>rebus_attempt</c> (rolled back when the attempt
/// throws, so a retry within the same receive, e.g. a second-level retry, starts clean), and ACK/NACK commit or roll back
/// the whole transaction. While this transaction holds the write lock, nothing else in the process can write to the
/// file, so sends made in another Rebus transaction context during the handler (Rebus's error handler does this) are
/// kept here and written when this transaction ends.
/// </remarks>
/// <param name="connection">The connection, owned from now on.</param>
/// <param name="transaction">The BEGIN IMMEDIATE transaction that deleted the message, owned from now on.</param>
/// <param name="writeGate">The database file's shared in-process write gate, held by the caller and released when this ends.</param>
internal sealed class SqliteReceiveTransaction(SqliteConnection connection, SqliteTransaction transaction, SemaphoreSlim writeGate) : IDisposable
{
    private const string HandlerSavepoint = "rebus_handler";
    private const string AttemptSavepoint = "rebus_attempt";

    // Serializes the transport's own commands on the connection (a handler may send several messages concurrently).
    private readonly SemaphoreSlim _commands = new(1, 1);
    private readonly Lock _stateLock = new();
    private readonly List<(SqliteMessageTable Table, IReadOnlyCollection<OutgoingMessageRow> Rows)> _writtenAtEnd = [];
    private bool _acceptsWritesAtEnd = true;
    private bool _ended;
    private bool _attemptRollbackFailed;
    private int _gateReleased;
    private int _disposed;

    /// <summary>What handlers see through <see cref="SqliteTransportTransaction.Current"/>.</summary>
    public SqliteTransportTransaction Exposed { get; } = new(connection, transaction);

    /// <summary>The database file this transaction writes to.</summary>
    public string DatabasePath => Exposed.DatabasePath;

    /// <summary>Marks where the handler's work begins, right after the incoming message was deleted.</summary>
    public Task BeginHandlerWorkAsync(CancellationToken cancellationToken) =>
        transaction.SaveAsync(HandlerSavepoint, cancellationToken);

    /// <summary>Inserts messages sent from the handler, in this transaction.</summary>
    public async Task InsertAsync(SqliteMessageTable table, IReadOnlyCollection<OutgoingMessageRow> rows, CancellationToken cancellationToken)
    {
        await _commands.WaitAsync(cancellationToken);
        try
        {
            EnsureActive();
            await table.InsertAsync(connection, transaction, rows, cancellationToken);
        }
        finally
        {
            _commands.Release();
        }
    }

    /// <summary>
    /// Keeps messages from another transaction context until this transaction ends, because that context could not
    /// get the write lock while this one holds it. Returns false when this transaction is already ending.
    /// </summary>
    public bool TryWriteAtEnd(SqliteMessageTable table, IReadOnlyCollection<OutgoingMessageRow> rows)
    {
        lock (_stateLock)
        {
            if (!_acceptsWritesAtEnd)
            {
                return false;
            }

            _writtenAtEnd.Add((table, rows));
            return true;
        }
    }

    /// <summary>Runs one delivery attempt under a savepoint that is rolled back when the attempt throws.</summary>
    public async Task RunAttemptAsync(Func<Task> attempt)
    {
        await RunCommandAsync(() => transaction.SaveAsync(AttemptSavepoint));
        try
        {
            await attempt();
        }
        catch
        {
            await RollbackAttemptAsync();
            throw;
        }

        await RunCommandAsync(() => transaction.ReleaseAsync(AttemptSavepoint));
    }

    /// <summary>Rebus decided not to commit the handler's work (the message may still be ACKed, e.g. dead-lettered).</summary>
    public async Task RollbackHandlerWorkAsync()
    {
        await _commands.WaitAsync();
        try
        {
            if (!_ended)
            {
                await transaction.RollbackAsync(HandlerSavepoint);
            }
        }
        finally
        {
            _commands.Release();
        }
    }

    /// <summary>ACK: writes the messages kept for the end and commits everything.</summary>
    public async Task CommitAsync()
    {
        await _commands.WaitAsync();
        try
        {
            EnsureActive();
            if (_attemptRollbackFailed)
            {
                // The failed attempt's writes could not be undone on their own; committing would keep them.
                await transaction.RollbackAsync();
                _ended = true;
                throw new InvalidOperationException("A failed handler attempt could not be rolled back to its savepoint, so the whole receive transaction was rolled back and the message stays in the queue.");
            }

            foreach (var (table, rows) in TakeWritesAtEnd())
            {
                await table.InsertAsync(connection, transaction, rows, CancellationToken.None);
            }

            await transaction.CommitAsync();
            _ended = true;
        }
        finally
        {
            _commands.Release();
            if (_ended)
            {
                ReleaseWriteGate();
            }
        }
    }

    /// <summary>NACK: rolls everything back (the message returns to the queue), then writes the messages kept for the end.</summary>
    public async Task RollbackAsync()
    {
        await _commands.WaitAsync();
        try
        {
            if (_ended)
            {
                return;
            }

            await transaction.RollbackAsync();
            _ended = true;

            // Those messages belong to another transaction context, which already committed, so they survive our rollback.
            var writes = TakeWritesAtEnd();
            if (writes.Count > 0)
            {
                await using var independent = connection.BeginTransaction(deferred: false);
                foreach (var (table, rows) in writes)
                {
                    await table.InsertAsync(connection, independent, rows, CancellationToken.None);
                }

                await independent.CommitAsync();
            }
        }
        finally
        {
            _commands.Release();
            if (_ended)
            {
                ReleaseWriteGate();
            }
        }
    }

    /// <summary>Rolls back whatever was not committed, closes the connection and opens the write gate.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            if (!_ended)
            {
                _ended = true;
                transaction.Rollback();
            }
        }
        finally
        {
            transaction.Dispose();
            connection.Dispose();
            _commands.Dispose();
            ReleaseWriteGate();
        }
    }

    private List<(SqliteMessageTable Table, IReadOnlyCollection<OutgoingMessageRow> Rows)> TakeWritesAtEnd()
    {
        lock (_stateLock)
        {
            _acceptsWritesAtEnd = false;
            var writes = _writtenAtEnd.ToList();
            _writtenAtEnd.Clear();
            return writes;
        }
    }

    private async Task RollbackAttemptAsync()
    {
        try
        {
            await RunCommandAsync(async () =>
            {
                await transaction.RollbackAsync(AttemptSavepoint);
                await transaction.ReleaseAsync(AttemptSavepoint);
            });
        }
        catch (Exception e) when (e is SqliteException or InvalidOperationException)
        {
            // Keep the handler's exception as the one Rebus sees; refuse to commit later instead.
            _attemptRollbackFailed = true;
        }
    }

    private async Task RunCommandAsync(Func<Task> command)
    {
        await _commands.WaitAsync();
        try
        {
            EnsureActive();
            await command();
        }
        finally
        {
            _commands.Release();
        }
    }

    private void EnsureActive()
    {
        if (_ended)
        {
            throw new InvalidOperationException("The SQLite receive transaction has already been committed or rolled back; the message context it belonged to is over.");
        }
    }

    private void ReleaseWriteGate()
    {
        if (Interlocked.Exchange(ref _gateReleased, 1) == 0)
        {
            writeGate.Release();
        }
    }
}
