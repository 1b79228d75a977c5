using IntegrationHub.Store.Security;
using IntegrationHub.Store.Sqlite;
using IntegrationHub.Store.Tests.Contract;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Store.Tests.Sqlite;

/// <summary>API keys and the audit log on SQLite.</summary>
public sealed class SqliteSecurityStoresTests : SecurityStoresContract
{
    protected override IStoreTestDatabase CreateDatabase() => new SqliteTestDatabase();

    [Fact]
    public void AddSqliteHubStore_RegistersOneSingletonSecurityStoreForKeysAndAudit()
    {
        var services = new ServiceCollection();

        services.AddSqliteHubStore(options => options.DatabasePath = ((SqliteTestDatabase)Database).DatabasePath);

        var keys = Assert.Single(services, d => d.ServiceType == typeof(IApiKeyStore));
        var audit = Assert.Single(services, d => d.ServiceType == typeof(IAuditTrail));
        Assert.Equal((ServiceLifetime.Singleton, ServiceLifetime.Singleton), (keys.Lifetime, audit.Lifetime));
        Assert.IsType<SqliteSecurityStore>(keys.ImplementationInstance);
        Assert.Same(keys.ImplementationInstance, audit.ImplementationInstance);
    }
}
