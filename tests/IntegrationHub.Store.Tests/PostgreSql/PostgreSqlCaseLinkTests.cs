using IntegrationHub.Store.Tests.Contract;

namespace IntegrationHub.Store.Tests.PostgreSql;

/// <summary>The correlation contract on PostgreSQL (<c>IHUB_TEST_POSTGRES</c>), a schema per test.</summary>
public sealed class PostgreSqlCaseLinkTests : CaseLinkContract
{
    protected override IStoreTestDatabase CreateDatabase() => new PostgreSqlTestDatabase();
}
