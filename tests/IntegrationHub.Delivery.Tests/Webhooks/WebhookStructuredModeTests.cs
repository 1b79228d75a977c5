using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using IntegrationHub.Canonical.Serialization;
using IntegrationHub.Delivery.Tests.Support;

namespace IntegrationHub.Delivery.Tests.Webhooks;

public sealed class WebhookStructuredModeTests : IAsyncLifetime
{
    private readonly WebhookHarness _webhook = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _webhook.DisposeAsync().AsTask();

    [Fact]
    public async Task Webhook_StructuredMode_PostsTheWholeCloudEventAsCloudEventsJson()
    {
        var caseEvent = Examples.Load(Examples.Opened);

        var outcome = await _webhook.DeliverAsync(caseEvent, CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Delivered, outcome);
        var request = Assert.Single(_webhook.Receiver.Requests);
        Assert.Equal(WebhookReceiver.HookPath, request.Path);
        var contentType = MediaTypeHeaderValue.Parse(request.Header("Content-Type")!);
        Assert.Equal("application/cloudevents+json", contentType.MediaType);
        Assert.Equal("utf-8", contentType.CharSet);
        // What the source sent, attribute for attribute and field for field.
        Assert.True(
            JsonNode.DeepEquals(Examples.Json(Examples.Opened), JsonNode.Parse(request.Body)),
            "The body is not the example's CloudEvent: " + System.Text.Encoding.UTF8.GetString(request.Body));
        Assert.Equal(caseEvent.ToString(), CaseEventFormatter.DecodeStructured(request.Body).ToString());
    }

    [Fact]
    public async Task Webhook_StructuredMode_SendsNoCeHeadersButTheWebhookIdAndTheHubsUserAgent()
    {
        await _webhook.DeliverAsync(Examples.Load(Examples.Opened), CancellationToken.None);

        var request = Assert.Single(_webhook.Receiver.Requests);
        Assert.DoesNotContain(request.Headers.Keys, name => name.StartsWith("ce-", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("oep-48213-submitted", request.Header("webhook-id"));
        Assert.StartsWith("IntegrationHub-Webhooks/", request.Header("User-Agent"), StringComparison.Ordinal);
    }
}
