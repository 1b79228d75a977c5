using System.Data.Common;
using System.Text.Json;
using IntegrationHub.Store.Relational;

namespace IntegrationHub.Store.Sqlite;

/// <summary>Subscriptions and their filtered feeds on the SQLite store (same file, own short connections).</summary>
public sealed class SqliteSubscriptionStore(SqliteStoreOptions options) : RelationalSubscriptionStore(SqliteTypes.Instance)
{
    private readonly SqliteConnectionFactory _connections = new(SqliteSettings.From(options));

    private protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _connections.OpenAsync(cancellationToken);

    // SQLite has one writer: a write transaction already excludes other dispatchers.
    private protected override string ForUpdate => string.Empty;

    // Deferred: the first read takes a WAL snapshot and no writer waits for it.
    private protected override ValueTask<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult<DbTransaction>(((Microsoft.Data.Sqlite.SqliteConnection)connection).BeginTransaction(deferred: true));

    private protected override string Table(string name) => name;

    private protected override string InListOrEmpty(string column, string parameter) =>
        $"(json_array_length({parameter}) = 0 OR {column} IN (SELECT value FROM json_each({parameter})))";

    private protected override object ListParameter(IReadOnlyList<string> values) => JsonSerializer.Serialize(values);
}
