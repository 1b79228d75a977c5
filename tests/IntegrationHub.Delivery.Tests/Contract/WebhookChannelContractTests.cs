namespace IntegrationHub.Delivery.Tests.Contract;

public sealed class WebhookChannelContractTests : DeliveryChannelContract<WebhookChannelFixture>;
