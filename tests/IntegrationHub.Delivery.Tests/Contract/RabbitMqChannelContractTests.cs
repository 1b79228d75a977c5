namespace IntegrationHub.Delivery.Tests.Contract;

public sealed class RabbitMqChannelContractTests : DeliveryChannelContract<RabbitMqChannelFixture>;
