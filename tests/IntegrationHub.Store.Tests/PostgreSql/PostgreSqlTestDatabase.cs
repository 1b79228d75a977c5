using System.Data.Common;
using IntegrationHub.Store.PostgreSql;
using IntegrationHub.Store.Tests.Contract;
using Npgsql;

namespace IntegrationHub.Store.Tests.PostgreSql;

/// <summary>A schema of its own in the test server's database, dropped afterwards.</summary>
internal sealed class PostgreSqlTestDatabase : IStoreTestDatabase
{
    public const string EnvironmentVariable = "IHUB_TEST_POSTGRES";

    private readonly List<PostgreSqlHubStore> _stores = [];

    /// <summary>Fails here, when the test creates its database, so nothing half-made needs cleaning up.</summary>
    private readonly string _connectionString = ConnectionString;

    /// <summary>The server from <c>scripts/test-services.sh start</c>; its absence fails the test, never skips it.</summary>
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } connectionString
            ? connectionString
            : throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set, so the PostgreSQL store tests cannot run. Run `scripts/test-services.sh start` "
                + $"and export the {EnvironmentVariable} line it prints, then run the tests again.");

    public string Schema { get; } = $"t_{Guid.NewGuid():N}";

    public IHubStore OpenStore()
    {
        var store = new PostgreSqlHubStore(new PostgreSqlStoreOptions { ConnectionString = _connectionString, Schema = Schema }, TimeProvider.System);
        lock (_stores)
        {
            _stores.Add(store);
        }

        return store;
    }

    // A new store has a new data source, hence new connections.
    public Task<IHubStore> ReopenStoreAsync(CancellationToken cancellationToken) => Task.FromResult(OpenStore());

    public async Task<(DbConnection Connection, DbTransaction Transaction)> BeginForeignTransactionAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return (connection, await connection.BeginTransactionAsync(cancellationToken));
    }

    public Task CreateForeignEventsTableAsync(CancellationToken cancellationToken) =>
        ExecuteAsync($"CREATE SCHEMA {Schema}; CREATE TABLE {Schema}.events (legacy_id integer PRIMARY KEY, body text)", cancellationToken);

    /// <summary>Polls pg_locks until a backend waits for this schema's append lock.</summary>
    public async Task WaitUntilAWriterWaitsAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT count(*) FROM pg_locks
            WHERE locktype = 'advisory' AND NOT granted AND classid::bigint = @class AND objid::bigint = @key AND objsubid = 2
            """,
            connection);
        command.Parameters.AddWithValue("class", (long)PostgreSqlLocks.AppendClass);
        command.Parameters.AddWithValue("key", (long)PostgreSqlLocks.ForSchema(Schema).Key);
        try
        {
            while ((long)(await command.ExecuteScalarAsync(cancellationToken))! == 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(10), cancellationToken);
            }
        }
        catch (OperationCanceledException ex)
        {
            throw new InvalidOperationException(
                "No writer ever waited for the append advisory lock while a session held it: appends are not serialised.", ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        await ExecuteAsync($"DROP SCHEMA IF EXISTS {Schema} CASCADE", CancellationToken.None);
    }

    public static async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
