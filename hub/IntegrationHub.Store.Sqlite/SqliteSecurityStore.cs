using System.Data.Common;
using IntegrationHub.Store.Relational;

namespace IntegrationHub.Store.Sqlite;

/// <summary>API keys and the audit log on the SQLite store (same file, own short connections).</summary>
public sealed class SqliteSecurityStore(SqliteStoreOptions options) : RelationalSecurityStore(SqliteTypes.Instance)
{
    private readonly SqliteConnectionFactory _connections = new(SqliteSettings.From(options));

    private protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _connections.OpenAsync(cancellationToken);

    private protected override string Table(string name) => name;
}
