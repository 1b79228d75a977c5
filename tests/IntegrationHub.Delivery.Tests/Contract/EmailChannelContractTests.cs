namespace IntegrationHub.Delivery.Tests.Contract;

public sealed class EmailChannelContractTests : DeliveryChannelContract<EmailChannelFixture>;
