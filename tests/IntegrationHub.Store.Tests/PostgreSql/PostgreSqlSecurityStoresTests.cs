using IntegrationHub.Store.PostgreSql;
using IntegrationHub.Store.Security;
using IntegrationHub.Store.Tests.Contract;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Store.Tests.PostgreSql;

/// <summary>API keys and the audit log on PostgreSQL.</summary>
public sealed class PostgreSqlSecurityStoresTests : SecurityStoresContract
{
    protected override IStoreTestDatabase CreateDatabase() => new PostgreSqlTestDatabase();

    [Fact]
    public async Task Audit_TruncateThroughRawSql_IsRefusedByTheDatabase()
    {
        await Security.AppendAsync(new AuditEntry { At = new(2026, 3, 9, 12, 0, 0, TimeSpan.Zero), Municipality = "*", Actor = "user:admin-astrid", Action = "key.create", ResourceType = "key" }, Ct);

        await AssertRefusedAsync($"TRUNCATE {Database.QualifiedTable("audit_log")}");

        Assert.Single(await Security.QueryAsync(new AuditQuery(), Ct));
    }

    [Fact]
    public void AddPostgreSqlHubStore_RegistersOneSingletonSecurityStoreForKeysAndAudit()
    {
        var services = new ServiceCollection();

        services.AddPostgreSqlHubStore(options => options.ConnectionString = "Host=localhost");

        // The test project has no container: each interface's factory is given a provider that holds only the store itself.
        var self = Assert.Single(services, d => d.ServiceType == typeof(PostgreSqlSecurityStore));
        using var store = Assert.IsType<PostgreSqlSecurityStore>(self.ImplementationFactory!(new OnlyService(null)));
        var provider = new OnlyService(store);
        var keys = Assert.Single(services, d => d.ServiceType == typeof(IApiKeyStore));
        var audit = Assert.Single(services, d => d.ServiceType == typeof(IAuditTrail));
        Assert.Equal((ServiceLifetime.Singleton, ServiceLifetime.Singleton, ServiceLifetime.Singleton), (self.Lifetime, keys.Lifetime, audit.Lifetime));
        Assert.Same(store, keys.ImplementationFactory!(provider));
        Assert.Same(store, audit.ImplementationFactory!(provider));
    }

    /// <summary>Resolves only the given object, by its own type.</summary>
    private sealed class OnlyService(object? service) : IServiceProvider
    {
        public object? GetService(Type serviceType) => service is not null && serviceType == service.GetType() ? service : null;
    }
}
