namespace IntegrationHub.Delivery.Tests.RabbitMq;

/// <summary>Tests that take the broker away: they run alone, after the parallel tests, never beside another RabbitMQ test.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrokerRestart
{
    public const string Name = "RabbitMQ broker restart";
}
