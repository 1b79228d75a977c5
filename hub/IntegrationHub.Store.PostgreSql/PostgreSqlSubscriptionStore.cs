using System.Data;
using System.Data.Common;
using IntegrationHub.Store.Relational;

namespace IntegrationHub.Store.PostgreSql;

/// <summary>Subscriptions and their filtered feeds on the PostgreSQL store.</summary>
public sealed class PostgreSqlSubscriptionStore : RelationalSubscriptionStore, IDisposable
{
    private readonly PostgreSqlConnections _connections;

    /// <summary>Creates the store on the same database and schema as the <see cref="PostgreSqlHubStore"/>.</summary>
    public PostgreSqlSubscriptionStore(PostgreSqlStoreOptions options) : base(PostgreSqlTypes.Instance) => _connections = new(options);

    /// <inheritdoc />
    public void Dispose() => _connections.Dispose();

    private protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _connections.OpenAsync(cancellationToken);

    // REPEATABLE READ: both queries see one snapshot; readers never block writers in PostgreSQL.
    private protected override async ValueTask<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);

    private protected override string ForUpdate => " FOR UPDATE";

    private protected override string Table(string name) => _connections.Table(name);

    private protected override string InListOrEmpty(string column, string parameter) =>
        $"(cardinality({parameter}) = 0 OR {column} = ANY({parameter}))";

    private protected override object ListParameter(IReadOnlyList<string> values) => values.ToArray();
}
