namespace IntegrationHub.Delivery.RabbitMq;

/// <summary>One broker: where it is and how quickly to reconnect.</summary>
public sealed class RabbitMqBrokerOptions
{
    /// <summary>
    /// <c>amqp://user:password@host:5672/vhost</c> (or <c>amqps://</c>). Give it through an environment variable
    /// (<c>Hub__Delivery__RabbitMq__Brokers__default__Uri</c>) so the password stays out of files.
    /// </summary>
    public string? Uri { get; set; }

    /// <summary>How long to wait between attempts to reconnect after the broker went away.</summary>
    public TimeSpan RecoveryInterval { get; set; } = TimeSpan.FromSeconds(5);
}
