using System.Diagnostics;
using IntegrationHub.Delivery.Tests.Support;

namespace IntegrationHub.Delivery.Tests.Webhooks;

public sealed class WebhookTimeoutTests : IAsyncLifetime
{
    private readonly WebhookHarness _webhook = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _webhook.DisposeAsync().AsTask();

    [Fact]
    public async Task Webhook_AnswerSlowerThanTheSubscriptionsTimeout_IsATransientTimeout()
    {
        // Not much longer than the timeout: the server finishes a delayed answer before it stops.
        _webhook.Receiver.Answer(200, delay: TimeSpan.FromSeconds(2.5));
        var clock = Stopwatch.StartNew();

        var outcome = await _webhook.DeliverAsync(Examples.Load(Examples.Opened), CancellationToken.None, timeoutSeconds: 1);

        Assert.False(outcome.Succeeded);
        Assert.False(outcome.Permanent);
        Assert.Equal("No answer from the endpoint within 1 s.", outcome.Error);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"Gave up after {clock.Elapsed}, before the timeout.");
    }

    [Fact]
    public async Task Webhook_AnswerWithinTheSubscriptionsTimeout_IsDelivered()
    {
        _webhook.Receiver.Answer(200, delay: TimeSpan.FromMilliseconds(300));

        var outcome = await _webhook.DeliverAsync(Examples.Load(Examples.Opened), CancellationToken.None, timeoutSeconds: 5);

        Assert.Equal(DeliveryOutcome.Delivered, outcome);
    }
}
