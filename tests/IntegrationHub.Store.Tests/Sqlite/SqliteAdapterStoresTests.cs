using IntegrationHub.Store.Tests.Contract;

namespace IntegrationHub.Store.Tests.Sqlite;

/// <summary>Contents, adapter state and the review inbox on SQLite.</summary>
public sealed class SqliteAdapterStoresTests : AdapterStoresContract
{
    protected override IStoreTestDatabase CreateDatabase() => new SqliteTestDatabase();
}
