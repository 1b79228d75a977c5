using System.Globalization;
using Microsoft.Data.Sqlite;

namespace IntegrationHub.Messaging.Sqlite;

/// <summary>Opens connections to the transport's database file with the settings every connection needs.</summary>
/// <param name="connectionString">The connection string with the command timeout aligned to the busy timeout.</param>
/// <param name="busyTimeoutPragma">The pragma run on every opened connection.</param>
/// <param name="path">The database file as SQLite resolved it.</param>
internal sealed class SqliteDatabase(string connectionString, string busyTimeoutPragma, string path)
{
    /// <summary>The database file as SQLite resolves it; identifies "the same database" across connections.</summary>
    public string Path { get; } = path;

    /// <summary>
    /// The process-wide write gate of this file (see <see cref="SqliteWriteGates"/>): the transport takes it around every
    /// write transaction of its own, so writers in this process queue asynchronously instead of in SQLite's busy handler.
    /// </summary>
    public SemaphoreSlim WriteGate { get; } = SqliteWriteGates.For(path);

    /// <summary>
    /// Checks that the file can be opened, switches it to WAL (readers never block the writer, and the mode is stored
    /// in the file) and learns its resolved path.
    /// </summary>
    public static SqliteDatabase Connect(SqliteTransportOptions options)
    {
        var builder = new SqliteConnectionStringBuilder(options.ConnectionString)
        {
            // Microsoft.Data.Sqlite also retries SQLITE_BUSY until its command timeout; keep the two waits aligned.
            DefaultTimeout = (int)Math.Max(1, Math.Ceiling(options.BusyTimeout.TotalSeconds)),
        };
        var preparedConnectionString = builder.ToString();
        var pragma = string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds};");

        using var connection = new SqliteConnection(preparedConnectionString);
        connection.Open();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = pragma;
            command.ExecuteNonQuery();
            command.CommandText = "PRAGMA journal_mode = WAL;";
            var mode = Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture);
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"Could not switch the SQLite database '{connection.DataSource}' to WAL journal mode (it reports '{mode}').");
            }
        }

        return new SqliteDatabase(preparedConnectionString, pragma, DatabasePaths.Of(connection));
    }

    /// <summary>Opens a connection synchronously, for start-up work inside Rebus's synchronous configuration.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = busyTimeoutPragma;
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Opens a pooled connection with the busy timeout set, so waiting for the write lock is SQLite's job.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            using var command = connection.CreateCommand();
            command.CommandText = busyTimeoutPragma;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a short BEGIN IMMEDIATE transaction of its own behind the write gate, and commits.
    /// Returns false, without running it, when the gate did not open within <paramref name="gateTimeout"/>.
    /// </summary>
    public async Task<bool> TryWriteAsync(
        TimeSpan gateTimeout,
        Func<SqliteConnection, SqliteTransaction, CancellationToken, Task> work,
        CancellationToken cancellationToken)
    {
        if (!await WriteGate.WaitAsync(gateTimeout, cancellationToken))
        {
            return false;
        }

        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            // IMMEDIATE takes the write lock up front; a deferred transaction that reads first could fail to upgrade
            // with SQLITE_BUSY without the busy timeout ever applying.
            await using var transaction = connection.BeginTransaction(deferred: false);
            await work(connection, transaction, cancellationToken);
            // Not cancellable once the work is done: the caller acts on what the work did (e.g. hands a leased message
            // to Rebus), so it must be committed.
            await transaction.CommitAsync(CancellationToken.None);
            return true;
        }
        finally
        {
            WriteGate.Release();
        }
    }
}
