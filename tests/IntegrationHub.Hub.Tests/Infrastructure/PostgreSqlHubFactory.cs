namespace IntegrationHub.Hub.Tests.Infrastructure;

/// <summary>The host on its scale-out backend: PostgreSQL store, Rebus.PostgreSql transport and outbox, in a schema of its own.</summary>
public sealed class PostgreSqlHubFactory : HubFactory
{
    public PostgreSqlHubFactory()
    {
        var connectionString = Environment.GetEnvironmentVariable("IHUB_TEST_POSTGRES")
            ?? throw new InvalidOperationException("IHUB_TEST_POSTGRES is not set: run the tests with ./scripts/test.sh, or start PostgreSQL with scripts/test-services.sh start and export what it prints.");
        Settings["Hub:Storage:Provider"] = "PostgreSql";
        Settings["Hub:Storage:PostgreSqlConnectionString"] = connectionString;
        Settings["Hub:Storage:PostgreSqlSchema"] = $"hubtest_{Guid.NewGuid():N}"[..30];
    }
}
