namespace IntegrationHub.Delivery.RabbitMq;

/// <summary><c>Hub:Delivery:RabbitMq</c>: the brokers subscriptions may publish to, by name.</summary>
public sealed class RabbitMqOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Hub:Delivery:RabbitMq";

    /// <summary>Brokers by name (a subscription names one; "default" when it names none).</summary>
    public Dictionary<string, RabbitMqBrokerOptions> Brokers { get; } = new(StringComparer.Ordinal);
}
