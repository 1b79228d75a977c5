using System.Data.Common;
using System.Text;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Canonical.Serialization;
using IntegrationHub.Store.PostgreSql;
using IntegrationHub.Store.Tests.Contract;
using Npgsql;

namespace IntegrationHub.Store.Tests.PostgreSql;

/// <summary>A schema of its own in the test server's database, dropped afterwards.</summary>
internal sealed class PostgreSqlTestDatabase : IStoreTestDatabase
{
    public const string EnvironmentVariable = "IHUB_TEST_POSTGRES";

    private readonly List<PostgreSqlHubStore> _stores = [];
    private readonly List<PostgreSqlSubscriptionStore> _subscriptionStores = [];
    private readonly List<PostgreSqlSecurityStore> _securityStores = [];

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

    public Relational.RelationalSubscriptionStore OpenSubscriptionStore()
    {
        var store = new PostgreSqlSubscriptionStore(new PostgreSqlStoreOptions { ConnectionString = _connectionString, Schema = Schema });
        lock (_stores)
        {
            _subscriptionStores.Add(store);
        }

        return store;
    }

    public Relational.RelationalSecurityStore OpenSecurityStore()
    {
        var store = new PostgreSqlSecurityStore(new PostgreSqlStoreOptions { ConnectionString = _connectionString, Schema = Schema });
        lock (_securityStores)
        {
            _securityStores.Add(store);
        }

        return store;
    }

    public string QualifiedTable(string name) => $"{Schema}.{name}";

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

    public Task MigrateFirstScriptOnlyAsync(CancellationToken cancellationToken) =>
        ((PostgreSqlHubStore)OpenStore()).MigrateAsync(name => name == "Migrations/0001_initial.sql", cancellationToken);

    public async Task<long> SeedVersion1CaseAsync(CaseEvent caseEvent, Guid caseId, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var caseRef = caseEvent.Data.Case;
        var occurredAt = caseEvent.Data.Event.OccurredAt.ToUniversalTime();
        await using var insertEvent = new NpgsqlCommand(
            $"""
            INSERT INTO {Schema}.events (source, event_id, event_type, municipality, classification, event_time, occurred_at, received_at, payload)
            VALUES (@source, @id, @type, @municipality, @classification, @time, @occurred, @occurred, CAST(@payload AS json))
            RETURNING sequence
            """,
            connection,
            transaction);
        insertEvent.Parameters.AddWithValue("source", caseEvent.Source);
        insertEvent.Parameters.AddWithValue("id", caseEvent.Id);
        insertEvent.Parameters.AddWithValue("type", caseEvent.Type);
        insertEvent.Parameters.AddWithValue("municipality", caseEvent.Municipality);
        insertEvent.Parameters.AddWithValue("classification", (short)caseEvent.DataClassification);
        insertEvent.Parameters.AddWithValue("time", caseEvent.Time.ToUniversalTime());
        insertEvent.Parameters.AddWithValue("occurred", occurredAt);
        insertEvent.Parameters.AddWithValue("payload", Encoding.UTF8.GetString(CaseEventFormatter.EncodeStructured(caseEvent)));
        var sequence = (long)(await insertEvent.ExecuteScalarAsync(cancellationToken))!;
        await using var insertCase = new NpgsqlCommand(
            $"""
            INSERT INTO {Schema}.cases (id, municipality, source_system, source_case_id, case_number, title, classification,
                opened_at, updated_at, last_sequence, created_at, modified_at)
            VALUES (@id, @municipality, @system, @sourceCaseId, @caseNumber, @title, @classification, @occurred, @occurred, @sequence, @occurred, @occurred);
            UPDATE {Schema}.events SET case_id = @id WHERE sequence = @sequence;
            """,
            connection,
            transaction);
        insertCase.Parameters.AddWithValue("id", caseId);
        insertCase.Parameters.AddWithValue("municipality", caseEvent.Municipality);
        insertCase.Parameters.AddWithValue("system", caseRef.SourceSystem);
        insertCase.Parameters.AddWithValue("sourceCaseId", caseRef.SourceCaseId);
        insertCase.Parameters.AddWithValue("caseNumber", (object?)caseRef.CaseNumber ?? DBNull.Value);
        insertCase.Parameters.AddWithValue("title", (object?)caseRef.Title ?? DBNull.Value);
        insertCase.Parameters.AddWithValue("classification", (short)caseEvent.DataClassification);
        insertCase.Parameters.AddWithValue("occurred", occurredAt);
        insertCase.Parameters.AddWithValue("sequence", sequence);
        await insertCase.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return sequence;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        foreach (var store in _subscriptionStores)
        {
            store.Dispose();
        }

        foreach (var store in _securityStores)
        {
            store.Dispose();
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
