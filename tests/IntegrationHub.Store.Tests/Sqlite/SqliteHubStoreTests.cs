using IntegrationHub.Store.Tests.Contract;

namespace IntegrationHub.Store.Tests.Sqlite;

/// <summary>The store contract on SQLite, a temporary database file per test.</summary>
public sealed class SqliteHubStoreTests : HubStoreContract
{
    protected override IStoreTestDatabase CreateDatabase() => new SqliteTestDatabase();
}
