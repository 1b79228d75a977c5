namespace IntegrationHub.Store.Subscriptions;

/// <summary>A RabbitMQ topic exchange on one of the brokers configured in <c>Hub:Delivery:RabbitMq:Brokers</c>.</summary>
public sealed record RabbitMqSettings
{
    /// <summary>The configured broker's name (credentials stay in the hub's configuration, not in the subscription).</summary>
    public string Broker { get; init; } = "default";

    /// <summary>The topic exchange; declared durable when missing.</summary>
    public required string Exchange { get; init; }
}
