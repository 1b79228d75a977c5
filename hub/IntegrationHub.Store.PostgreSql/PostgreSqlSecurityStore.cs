using System.Data.Common;
using IntegrationHub.Store.Relational;

namespace IntegrationHub.Store.PostgreSql;

/// <summary>API keys and the audit log on the PostgreSQL store.</summary>
public sealed class PostgreSqlSecurityStore : RelationalSecurityStore, IDisposable
{
    private readonly PostgreSqlConnections _connections;

    /// <summary>Creates the store on the same database and schema as the <see cref="PostgreSqlHubStore"/>.</summary>
    public PostgreSqlSecurityStore(PostgreSqlStoreOptions options) : base(PostgreSqlTypes.Instance) => _connections = new(options);

    /// <inheritdoc />
    public void Dispose() => _connections.Dispose();

    private protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _connections.OpenAsync(cancellationToken);

    private protected override string Table(string name) => _connections.Table(name);
}
