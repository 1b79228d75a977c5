using System.Data.Common;
using IntegrationHub.Store.Relational;
using Microsoft.Data.Sqlite;

namespace IntegrationHub.Store.Sqlite;

/// <summary>
/// The hub store on one SQLite file: WAL mode, <c>synchronous=FULL</c> by default, foreign keys on,
/// one writer at a time (sessions begin with BEGIN IMMEDIATE), readers on their own short connections.
/// </summary>
public sealed class SqliteHubStore : RelationalHubStore
{
    private readonly SqliteConnectionFactory _connections;

    /// <summary>Creates the store; <paramref name="options"/> are validated here, with messages naming the option to fix.</summary>
    public SqliteHubStore(SqliteStoreOptions options, TimeProvider timeProvider)
        : base(SqliteDialect.Instance, timeProvider)
    {
        _connections = new SqliteConnectionFactory(SqliteSettings.From(options));
    }

    /// <summary>The full path of the database file.</summary>
    public string DatabaseFile => _connections.Settings.DatabaseFile;

    /// <inheritdoc />
    public override Task MigrateAsync(CancellationToken cancellationToken) =>
        SqliteMigrator.MigrateAsync(_connections, static _ => true, cancellationToken);

    /// <summary>Applies only the migrations <paramref name="include"/> accepts (by script name), e.g. to build an old schema in a test.</summary>
    internal Task MigrateAsync(Func<string, bool> include, CancellationToken cancellationToken) =>
        SqliteMigrator.MigrateAsync(_connections, include, cancellationToken);

    private protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _connections.OpenAsync(cancellationToken);

    /// <summary>
    /// deferred: false is BEGIN IMMEDIATE: take the write lock now, waiting up to the busy timeout,
    /// instead of failing later when a read lock cannot be upgraded.
    /// </summary>
    private protected override ValueTask<DbTransaction> BeginTransactionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    private protected override void ThrowIfForeign(DbConnection connection, DbTransaction transaction) =>
        ThrowIfForeign<SqliteConnection, SqliteTransaction>(connection, transaction, "The SQLite store can only enlist in a");
}
