using System.Text;
using IntegrationHub.Delivery.Tests.Support;
using IntegrationHub.Delivery.Webhooks;
using IntegrationHub.Store.Subscriptions;

namespace IntegrationHub.Delivery.Tests.Webhooks;

public sealed class WebhookSigningTests : IAsyncLifetime
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
    private readonly WebhookHarness _webhook = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _webhook.DisposeAsync().AsTask();

    [Theory]
    [InlineData(WebhookMode.Structured)]
    [InlineData(WebhookMode.Binary)]
    public async Task Webhook_Signature_VerifiesWithTheSubscriptionsSecret(WebhookMode mode)
    {
        await _webhook.DeliverAsync(Examples.Load(Examples.Opened), CancellationToken.None, mode);

        var request = Assert.Single(_webhook.Receiver.Requests);
        Assert.StartsWith("v1,", request.Header(WebhookSignature.SignatureHeader), StringComparison.Ordinal);
        Assert.True(Verify(request, _webhook.Secret, request.Body));
    }

    [Fact]
    public async Task Webhook_Signature_FailsWithAnotherSecret()
    {
        await _webhook.DeliverAsync(Examples.Load(Examples.Opened), CancellationToken.None);

        var request = Assert.Single(_webhook.Receiver.Requests);
        Assert.False(Verify(request, WebhookSignature.NewSecret(), request.Body));
    }

    [Fact]
    public async Task Webhook_Signature_FailsForATamperedBody()
    {
        await _webhook.DeliverAsync(Examples.Load(Examples.Opened), CancellationToken.None);

        var request = Assert.Single(_webhook.Receiver.Requests);
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(request.Body).Replace("bygglov", "rivningslov", StringComparison.Ordinal));
        Assert.False(Verify(request, _webhook.Secret, tampered));
    }

    [Fact]
    public async Task Webhook_Timestamp_IsTheSendingTimeInUnixSeconds()
    {
        _webhook.Clock.Advance(TimeSpan.FromMinutes(7));

        await _webhook.DeliverAsync(Examples.Load(Examples.Opened), CancellationToken.None);

        var request = Assert.Single(_webhook.Receiver.Requests);
        Assert.Equal(_webhook.Clock.GetUtcNow().ToUnixTimeSeconds(), long.Parse(request.Header(WebhookSignature.TimestampHeader)!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(WebhookMode.Structured)]
    [InlineData(WebhookMode.Binary)]
    public async Task Webhook_NonAsciiEventId_IsPercentEncodedInHeadersAndStillVerifies(WebhookMode mode)
    {
        var caseEvent = Examples.Load(Examples.ServicePromisePassed);
        Assert.Equal("deadline:servicelöfte:2281:edp-future/MIL-2026-0301", caseEvent.Id);

        var outcome = await _webhook.DeliverAsync(caseEvent, CancellationToken.None, mode);

        Assert.Equal(DeliveryOutcome.Delivered, outcome);
        var request = Assert.Single(_webhook.Receiver.Requests);
        const string Encoded = "deadline:servicel%C3%B6fte:2281:edp-future/MIL-2026-0301";
        Assert.Equal(Encoded, request.Header(WebhookSignature.IdHeader));
        Assert.Equal(caseEvent.Id, Uri.UnescapeDataString(request.Header(WebhookSignature.IdHeader)!));
        if (mode == WebhookMode.Binary)
        {
            Assert.Equal(Encoded, request.Header("ce-id"));
        }

        Assert.True(Verify(request, _webhook.Secret, request.Body));
    }

    private bool Verify(ReceivedRequest request, string secret, byte[] body) =>
        WebhookSignature.Verify(
            secret,
            request.Header(WebhookSignature.IdHeader)!,
            request.Header(WebhookSignature.TimestampHeader)!,
            request.Header(WebhookSignature.SignatureHeader)!,
            body,
            _webhook.Clock.GetUtcNow(),
            Tolerance);
}
