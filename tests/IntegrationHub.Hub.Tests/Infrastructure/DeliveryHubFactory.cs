namespace IntegrationHub.Hub.Tests.Infrastructure;

/// <summary>The embedded hub with delivery tuned for tests: retries after fractions of a second, few attempts, short leases.</summary>
public class DeliveryHubFactory : HubFactory
{
    public DeliveryHubFactory()
    {
        Settings["Hub:Delivery:PollInterval"] = "00:00:00.100";
        Settings["Hub:Delivery:FirstRetryDelay"] = "00:00:00.200";
        Settings["Hub:Delivery:MaxRetryDelay"] = "00:00:00.500";
        Settings["Hub:Delivery:MaxAttempts"] = "4";
        Settings["Hub:Delivery:LeaseDuration"] = "00:00:15";
        Settings["Hub:Delivery:Webhooks:BreakDuration"] = "00:00:00.500";
    }
}

/// <summary>The same on PostgreSQL.</summary>
public sealed class PostgreSqlDeliveryHubFactory : DeliveryHubFactory
{
    public PostgreSqlDeliveryHubFactory() => PostgreSqlHubFactory.UsePostgreSql(Settings);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            PostgreSqlHubFactory.DropSchema(Settings);
        }
    }
}
