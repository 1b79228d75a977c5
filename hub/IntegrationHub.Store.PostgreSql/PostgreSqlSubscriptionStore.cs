using System.Data;
using System.Data.Common;
using IntegrationHub.Store.Relational;
using Npgsql;

namespace IntegrationHub.Store.PostgreSql;

/// <summary>Subscriptions and their filtered feeds on the PostgreSQL store.</summary>
public sealed class PostgreSqlSubscriptionStore : RelationalSubscriptionStore, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _schema;

    /// <summary>Creates the store on the same database and schema as the <see cref="PostgreSqlHubStore"/>.</summary>
    public PostgreSqlSubscriptionStore(PostgreSqlStoreOptions options) : base(PostgreSqlTypes.Instance)
    {
        var settings = PostgreSqlSettings.From(options);
        _schema = settings.QuotedSchema;
        _dataSource = NpgsqlDataSource.Create(settings.ConnectionString);
    }

    /// <inheritdoc />
    public void Dispose() => _dataSource.Dispose();

    private protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    // REPEATABLE READ: both queries see one snapshot; readers never block writers in PostgreSQL.
    private protected override async ValueTask<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);

    private protected override string ForUpdate => " FOR UPDATE";

    private protected override string Table(string name) => $"{_schema}.{name}";

    private protected override string InListOrEmpty(string column, string parameter) =>
        $"(cardinality({parameter}) = 0 OR {column} = ANY({parameter}))";

    private protected override object ListParameter(IReadOnlyList<string> values) => values.ToArray();
}
