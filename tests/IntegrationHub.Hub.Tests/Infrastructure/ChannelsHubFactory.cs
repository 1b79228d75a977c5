namespace IntegrationHub.Hub.Tests.Infrastructure;

/// <summary>A delivery hub connected to the test RabbitMQ broker and the test SMTP server.</summary>
public sealed class ChannelsHubFactory : DeliveryHubFactory
{
    public ChannelsHubFactory()
    {
        Settings["Hub:Delivery:RabbitMq:Brokers:default:Uri"] = TestServers.RabbitMq;
        Settings["Hub:Delivery:RabbitMq:Brokers:default:RecoveryInterval"] = "00:00:01";
        // Keep retrying through a broker restart (the Delivery tests restart it while other test projects run).
        Settings["Hub:Delivery:MaxAttempts"] = "60";
        Settings["Hub:Delivery:MaxRetryDelay"] = "00:00:01";
        Settings["Hub:Delivery:Email:Host"] = TestServers.Smtp.Host;
        Settings["Hub:Delivery:Email:Port"] = TestServers.Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["Hub:Delivery:Email:Security"] = "None";
        Settings["Hub:Delivery:Email:From"] = "noreply@sundsvall.example";
        Settings["Hub:Municipalities:2281:Name"] = "Sundsvalls kommun";
    }
}
