using System.Data.Common;
using IntegrationHub.Store.Relational;
using Npgsql;

namespace IntegrationHub.Store.PostgreSql;

/// <summary>
/// The hub store in one PostgreSQL schema (default <c>ihub</c>). Appends are serialised per schema
/// by a transaction-scoped advisory lock so the feed's sequence order is also commit order;
/// reads run on their own pooled connections and see committed data only.
/// </summary>
public sealed class PostgreSqlHubStore : RelationalHubStore, IAsyncDisposable, IDisposable
{
    private readonly PostgreSqlSettings _settings;
    private readonly PostgreSqlLocks _locks;
    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Creates the store; <paramref name="options"/> are validated here, with messages naming the option to fix.</summary>
    public PostgreSqlHubStore(PostgreSqlStoreOptions options, TimeProvider timeProvider)
        // The time provider is checked before the options, as it always was.
        : this(timeProvider ?? throw new ArgumentNullException(nameof(timeProvider)), PostgreSqlSettings.From(options))
    {
    }

    private PostgreSqlHubStore(TimeProvider timeProvider, PostgreSqlSettings settings)
        : this(timeProvider, settings, PostgreSqlLocks.ForSchema(settings.Schema))
    {
    }

    private PostgreSqlHubStore(TimeProvider timeProvider, PostgreSqlSettings settings, PostgreSqlLocks locks)
        : base(new PostgreSqlDialect(settings.QuotedSchema, locks), timeProvider)
    {
        _settings = settings;
        _locks = locks;
        _dataSource = NpgsqlDataSource.Create(settings.ConnectionString);
    }

    /// <summary>The schema holding the store's tables.</summary>
    public string Schema => _settings.Schema;

    /// <inheritdoc />
    public override Task MigrateAsync(CancellationToken cancellationToken) =>
        PostgreSqlMigrator.MigrateAsync(_dataSource, _settings, _locks, static _ => true, cancellationToken);

    /// <summary>Applies only the migrations <paramref name="include"/> accepts (by script name), e.g. to build an old schema in a test.</summary>
    internal Task MigrateAsync(Func<string, bool> include, CancellationToken cancellationToken) =>
        PostgreSqlMigrator.MigrateAsync(_dataSource, _settings, _locks, include, cancellationToken);

    /// <summary>Closes the store's connection pool.</summary>
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <summary>Closes the store's connection pool.</summary>
    public void Dispose() => _dataSource.Dispose();

    private protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>A plain READ COMMITTED transaction: sessions take their locks as they go (<see cref="PostgreSqlDialect"/>).</summary>
    private protected override async ValueTask<DbTransaction> BeginTransactionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await ((NpgsqlConnection)connection).BeginTransactionAsync(cancellationToken);

    private protected override void ThrowIfForeign(DbConnection connection, DbTransaction transaction) =>
        ThrowIfForeign<NpgsqlConnection, NpgsqlTransaction>(connection, transaction, "The PostgreSQL store can only enlist in an");
}
