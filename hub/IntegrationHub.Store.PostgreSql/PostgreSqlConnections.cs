using Npgsql;

namespace IntegrationHub.Store.PostgreSql;

/// <summary>
/// What a store beside the <see cref="PostgreSqlHubStore"/> needs of the database: a connection pool of
/// its own on the same database, and table names qualified by the same schema.
/// </summary>
internal sealed class PostgreSqlConnections : IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _schema;

    public PostgreSqlConnections(PostgreSqlStoreOptions options)
    {
        var settings = PostgreSqlSettings.From(options);
        _schema = settings.QuotedSchema;
        _dataSource = NpgsqlDataSource.Create(settings.ConnectionString);
    }

    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    public string Table(string name) => $"{_schema}.{name}";

    public void Dispose() => _dataSource.Dispose();
}
