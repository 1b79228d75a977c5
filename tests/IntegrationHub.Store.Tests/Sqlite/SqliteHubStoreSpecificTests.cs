using IntegrationHub.Store.Sqlite;
using IntegrationHub.Store.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Store.Tests.Sqlite;

/// <summary>What only the SQLite store has: its options, pragmas and single-writer lock.</summary>
public sealed class SqliteHubStoreSpecificTests : IAsyncLifetime, IDisposable
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));
    private readonly SqliteTestDatabase _database = new();

    private CancellationToken Ct => _timeout.Token;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _database.DisposeAsync();

    public void Dispose() => _timeout.Dispose();

    [Fact]
    public void Options_NeitherConnectionStringNorPath_FailsNamingBoth()
    {
        var error = Assert.Throws<ArgumentException>(() => new SqliteHubStore(new SqliteStoreOptions(), TimeProvider.System));

        Assert.Contains("ConnectionString or DatabasePath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_BothConnectionStringAndPath_FailsSayingNotBoth()
    {
        var options = new SqliteStoreOptions { ConnectionString = "Data Source=hub.db", DatabasePath = "hub.db" };

        var error = Assert.Throws<ArgumentException>(() => new SqliteHubStore(options, TimeProvider.System));

        Assert.Contains("not both", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Data Source=:memory:")]
    [InlineData("Data Source=hub;Mode=Memory;Cache=Shared")]
    [InlineData("Data Source=file::memory:?cache=shared")]
    public void Options_InMemoryDatabase_FailsExplainingWhy(string connectionString)
    {
        var error = Assert.Throws<ArgumentException>(() => new SqliteHubStore(new SqliteStoreOptions { ConnectionString = connectionString }, TimeProvider.System));

        Assert.Contains("in-memory databases are not supported", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_ReadOnlyDatabase_Fails()
    {
        var options = new SqliteStoreOptions { ConnectionString = "Data Source=hub.db;Mode=ReadOnly" };

        var error = Assert.Throws<ArgumentException>(() => new SqliteHubStore(options, TimeProvider.System));

        Assert.Contains("read-only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_UnknownConnectionStringKeyword_FailsNamingIt()
    {
        var options = new SqliteStoreOptions { ConnectionString = "Data Source=hub.db;Färg=blå" };

        var error = Assert.Throws<ArgumentException>(() => new SqliteHubStore(options, TimeProvider.System));

        Assert.Contains("färg", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Options_NegativeBusyTimeout_Fails()
    {
        var options = new SqliteStoreOptions { DatabasePath = "hub.db", BusyTimeout = TimeSpan.FromSeconds(-1) };

        var error = Assert.Throws<ArgumentException>(() => new SqliteHubStore(options, TimeProvider.System));

        Assert.Contains("BusyTimeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_Defaults_WaitThirtySecondsAndSyncEveryCommit()
    {
        var options = new SqliteStoreOptions();

        Assert.Equal(TimeSpan.FromSeconds(30), options.BusyTimeout);
        Assert.Equal(SqliteSynchronous.Full, options.Synchronous);
    }

    [Theory]
    [InlineData(SqliteSynchronous.Full, 2)]
    [InlineData(SqliteSynchronous.Extra, 3)]
    [InlineData(SqliteSynchronous.Normal, 1)]
    public async Task Session_Connection_UsesWalForeignKeysBusyTimeoutAndTheSynchronousLevel(SqliteSynchronous synchronous, long expected)
    {
        var options = _database.Options();
        options.Synchronous = synchronous;
        var store = new SqliteHubStore(options, TimeProvider.System);
        await store.MigrateAsync(Ct);

        await using var session = await store.BeginAsync(Ct);

        Assert.Equal("wal", await PragmaAsync(session, "journal_mode"));
        Assert.Equal(1L, await PragmaAsync(session, "foreign_keys"));
        Assert.Equal(30_000L, await PragmaAsync(session, "busy_timeout"));
        Assert.Equal(expected, await PragmaAsync(session, "synchronous"));
    }

    [Fact]
    public async Task SecondWriter_WhileASessionIsOpen_CannotBeginUntilItCommits()
    {
        var store = new SqliteHubStore(_database.Options(), TimeProvider.System);
        await store.MigrateAsync(Ct);
        // Gives up after a second, so the test shows that the first session holds the write lock.
        var impatient = new SqliteHubStore(_database.Options(TimeSpan.FromSeconds(1)), TimeProvider.System);

        await using (var first = await store.BeginAsync(Ct))
        {
            await first.AppendAsync(new CaseEventBuilder().Build(), TestData.ReceivedAt, Ct);

            var error = await Assert.ThrowsAsync<SqliteException>(() => impatient.BeginAsync(Ct));
            Assert.Equal(5, error.SqliteErrorCode); // SQLITE_BUSY
            await first.CommitAsync(Ct);
        }

        await using var second = await impatient.BeginAsync(Ct);
        Assert.False((await second.AppendAsync(new CaseEventBuilder().Build(), TestData.ReceivedAt, Ct)).IsDuplicate);
    }

    [Fact]
    public async Task Migrate_DatabaseInAFolderThatDoesNotExist_CreatesTheFolder()
    {
        var path = Path.Combine(Path.GetDirectoryName(_database.DatabasePath)!, "nested", "data", "hub.db");
        var store = new SqliteHubStore(new SqliteStoreOptions { DatabasePath = path }, TimeProvider.System);

        await store.MigrateAsync(Ct);

        Assert.True(File.Exists(path));
        Assert.Equal(path, store.DatabaseFile);
    }

    [Fact]
    public async Task Migrate_ScriptFails_LeavesNoTableOrJournalEntryBehind()
    {
        await _database.CreateForeignEventsTableAsync(Ct);

        await Assert.ThrowsAsync<InvalidOperationException>(() => _database.OpenStore().MigrateAsync(Ct));

        await using var connection = new SqliteConnection($"Data Source={_database.DatabasePath};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(name) FROM sqlite_schema WHERE type = 'table'";
        Assert.Equal("events", await command.ExecuteScalarAsync(Ct));
    }

    [Fact]
    public async Task Enlist_TransactionOfAnotherConnection_ThrowsArgumentException()
    {
        var store = _database.OpenStore();
        await store.MigrateAsync(Ct);
        var (connection, transaction) = await _database.BeginForeignTransactionAsync(Ct);
        await using var other = new SqliteConnection($"Data Source={_database.DatabasePath}");
        await using (connection)
        await using (transaction)
        {
            var error = Assert.Throws<ArgumentException>(() => store.Enlist(other, transaction));
            Assert.Contains("does not belong to the connection", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AddSqliteHubStore_ValidOptions_RegistersOneSingletonStore()
    {
        var services = new ServiceCollection();

        services.AddSqliteHubStore(options => options.DatabasePath = _database.DatabasePath);

        Assert.Equal(ServiceLifetime.Singleton, Assert.Single(services, d => d.ServiceType == typeof(IHubStore)).Lifetime);
        Assert.Single(services, d => d.ServiceType == typeof(SqliteHubStore));
        Assert.Single(services, d => d.ServiceType == typeof(TimeProvider));
    }

    [Fact]
    public void AddSqliteHubStore_InvalidOptions_FailsAtRegistration() =>
        Assert.Throws<ArgumentException>(() => new ServiceCollection().AddSqliteHubStore(_ => { }));

    private async Task<object?> PragmaAsync(IStoreSession session, string pragma)
    {
        await using var command = session.Connection.CreateCommand();
        command.Transaction = session.Transaction;
        command.CommandText = $"PRAGMA {pragma}";
        return await command.ExecuteScalarAsync(Ct);
    }
}
