using IntegrationHub.Store.Tests.Contract;

namespace IntegrationHub.Store.Tests.Sqlite;

/// <summary>The diary contract on SQLite, a temporary database file per test.</summary>
public sealed class SqliteDiaryTests : DiaryContract
{
    protected override IStoreTestDatabase CreateDatabase() => new SqliteTestDatabase();
}
