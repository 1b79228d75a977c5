using IntegrationHub.Store.Tests.Contract;

namespace IntegrationHub.Store.Tests.PostgreSql;

/// <summary>Contents, adapter state and the review inbox on PostgreSQL.</summary>
public sealed class PostgreSqlAdapterStoresTests : AdapterStoresContract
{
    protected override IStoreTestDatabase CreateDatabase() => new PostgreSqlTestDatabase();
}
