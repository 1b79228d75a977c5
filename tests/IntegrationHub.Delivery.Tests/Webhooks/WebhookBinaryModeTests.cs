using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using IntegrationHub.Delivery.Tests.Support;
using IntegrationHub.Store.Subscriptions;

namespace IntegrationHub.Delivery.Tests.Webhooks;

public sealed class WebhookBinaryModeTests : IAsyncLifetime
{
    private readonly WebhookHarness _webhook = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _webhook.DisposeAsync().AsTask();

    [Fact]
    public async Task Webhook_BinaryMode_SendsAttributesAsCeHeadersAndDataAsBody()
    {
        var outcome = await _webhook.DeliverAsync(Examples.Load(Examples.Opened), CancellationToken.None, WebhookMode.Binary);

        Assert.Equal(DeliveryOutcome.Delivered, outcome);
        var request = Assert.Single(_webhook.Receiver.Requests);
        Assert.Equal("1.0", request.Header("ce-specversion"));
        Assert.Equal("oep-48213-submitted", request.Header("ce-id"));
        Assert.Equal("https://eservice.sundsvall.example/oep", request.Header("ce-source"));
        Assert.Equal("se.sambruk.case.opened", request.Header("ce-type"));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 14, 9, TimeSpan.FromHours(1)), DateTimeOffset.Parse(request.Header("ce-time")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("open-eplatform/48213", request.Header("ce-subject"));
        Assert.Equal("https://integrationhub.se/schemas/sambruk-case-event/v1/case-event.schema.json", request.Header("ce-dataschema"));
        Assert.Equal("2281", request.Header("ce-municipality"));
        Assert.Equal("confidential", request.Header("ce-dataclassification"));
        Assert.Equal("application/json", MediaTypeHeaderValue.Parse(request.Header("Content-Type")!).MediaType);
        Assert.True(
            JsonNode.DeepEquals(Examples.Json(Examples.Opened)["data"], JsonNode.Parse(request.Body)),
            "The body is not the example's data: " + System.Text.Encoding.UTF8.GetString(request.Body));
    }

    [Fact]
    public async Task Webhook_BinaryMode_CarriesDatacontenttypeAsContentTypeNotAsHeader()
    {
        await _webhook.DeliverAsync(Examples.Load(Examples.Opened), CancellationToken.None, WebhookMode.Binary);

        var request = Assert.Single(_webhook.Receiver.Requests);
        Assert.Null(request.Header("ce-datacontenttype"));
    }
}
