using IntegrationHub.Store.Tests.Contract;

namespace IntegrationHub.Store.Tests.Sqlite;

/// <summary>The correlation contract on SQLite, a temporary database file per test.</summary>
public sealed class SqliteCaseLinkTests : CaseLinkContract
{
    protected override IStoreTestDatabase CreateDatabase() => new SqliteTestDatabase();
}
