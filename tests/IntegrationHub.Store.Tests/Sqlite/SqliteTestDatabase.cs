using System.Data.Common;
using System.Globalization;
using System.Text;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Canonical.Serialization;
using IntegrationHub.Store.Sqlite;
using IntegrationHub.Store.Tests.Contract;
using Microsoft.Data.Sqlite;

namespace IntegrationHub.Store.Tests.Sqlite;

/// <summary>A database file in a temporary folder of its own, deleted afterwards.</summary>
internal sealed class SqliteTestDatabase : IStoreTestDatabase
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ihub-store-tests", Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(_folder, "hub.db");

    public SqliteStoreOptions Options(TimeSpan? busyTimeout = null) => new()
    {
        DatabasePath = DatabasePath,
        BusyTimeout = busyTimeout ?? TimeSpan.FromSeconds(30),
    };

    public IHubStore OpenStore() => new SqliteHubStore(Options(), TimeProvider.System);

    public Relational.RelationalSubscriptionStore OpenSubscriptionStore() => new SqliteSubscriptionStore(Options());

    public Relational.RelationalSecurityStore OpenSecurityStore() => new SqliteSecurityStore(Options());

    public string QualifiedTable(string name) => name;

    public Task<IHubStore> ReopenStoreAsync(CancellationToken cancellationToken)
    {
        // Close the pooled connections, so the new store reads the file through new ones.
        ClearPool();
        return Task.FromResult(OpenStore());
    }

    public async Task<(DbConnection Connection, DbTransaction Transaction)> BeginForeignTransactionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath};Default Timeout=30");
        await connection.OpenAsync(cancellationToken);
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA busy_timeout = 30000; PRAGMA foreign_keys = ON;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }

        return (connection, connection.BeginTransaction());
    }

    public async Task CreateForeignEventsTableAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_folder);
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE events (legacy_id INTEGER PRIMARY KEY, body TEXT)";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// A writer waiting in BEGIN IMMEDIATE cannot be observed from outside, so this returns at once;
    /// <see cref="SqliteHubStoreSpecificTests"/> proves that a second writer cannot begin while a session is open.
    /// </summary>
    public Task WaitUntilAWriterWaitsAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task MigrateFirstScriptOnlyAsync(CancellationToken cancellationToken) =>
        new SqliteHubStore(Options(), TimeProvider.System).MigrateAsync(name => name == "Migrations/0001_initial.sql", cancellationToken);

    public async Task<long> SeedVersion1CaseAsync(CaseEvent caseEvent, Guid caseId, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var caseRef = caseEvent.Data.Case;
        var occurredAt = caseEvent.Data.Event.OccurredAt.ToUnixTimeMilliseconds();
        var sequence = (long)(await ExecuteAsync(
            connection,
            """
            INSERT INTO events (source, event_id, event_type, municipality, classification, event_time, occurred_at, received_at, payload)
            VALUES ($source, $id, $type, $municipality, $classification, $time, $occurred, $occurred, $payload)
            RETURNING sequence
            """,
            new()
            {
                ["$source"] = caseEvent.Source,
                ["$id"] = caseEvent.Id,
                ["$type"] = caseEvent.Type,
                ["$municipality"] = caseEvent.Municipality,
                ["$classification"] = (int)caseEvent.DataClassification,
                ["$time"] = caseEvent.Time.ToUnixTimeMilliseconds(),
                ["$occurred"] = occurredAt,
                ["$payload"] = Encoding.UTF8.GetString(CaseEventFormatter.EncodeStructured(caseEvent)),
            },
            cancellationToken))!;
        var id = caseId.ToString("D", CultureInfo.InvariantCulture);
        await ExecuteAsync(
            connection,
            """
            INSERT INTO cases (id, municipality, source_system, source_case_id, case_number, title, classification,
                opened_at, updated_at, last_sequence, created_at, modified_at)
            VALUES ($id, $municipality, $system, $sourceCaseId, $caseNumber, $title, $classification, $occurred, $occurred, $sequence, $occurred, $occurred);
            UPDATE events SET case_id = $id WHERE sequence = $sequence;
            """,
            new()
            {
                ["$id"] = id,
                ["$municipality"] = caseEvent.Municipality,
                ["$system"] = caseRef.SourceSystem,
                ["$sourceCaseId"] = caseRef.SourceCaseId,
                ["$caseNumber"] = (object?)caseRef.CaseNumber ?? DBNull.Value,
                ["$title"] = (object?)caseRef.Title ?? DBNull.Value,
                ["$classification"] = (int)caseEvent.DataClassification,
                ["$occurred"] = occurredAt,
                ["$sequence"] = sequence,
            },
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return sequence;
    }

    public ValueTask DisposeAsync()
    {
        ClearPool();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        return ValueTask.CompletedTask;
    }

    private void ClearPool()
    {
        // Each busy-timeout variant has its own connection string, hence its own pool.
        foreach (var busyTimeout in new[] { TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1) })
        {
            using var connection = new SqliteConnection(SqliteSettings.From(Options(busyTimeout)).ConnectionString);
            SqliteConnection.ClearPool(connection);
        }
    }

    private static async Task<object?> ExecuteAsync(
        SqliteConnection connection, string sql, Dictionary<string, object> parameters, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
