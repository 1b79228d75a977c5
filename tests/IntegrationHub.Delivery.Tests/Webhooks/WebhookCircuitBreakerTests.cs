using IntegrationHub.Delivery.Tests.Support;
using IntegrationHub.Delivery.Webhooks;
using Polly.CircuitBreaker;

namespace IntegrationHub.Delivery.Tests.Webhooks;

public sealed class WebhookCircuitBreakerTests : IDisposable
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));

    private CancellationToken Ct => _timeout.Token;

    public void Dispose() => _timeout.Dispose();

    [Fact]
    public async Task Webhook_RepeatedFailures_OpenTheCircuitSoTheNextAttemptFailsFastWithoutARequest()
    {
        // A long break here, so that a slow machine cannot let the break pass before the next attempt.
        await using var webhook = new WebhookHarness(Options(breakDuration: TimeSpan.FromSeconds(30)));
        webhook.Receiver.Answer(503);

        await FailUntilTheCircuitOpensAsync(webhook);
        var sent = webhook.Receiver.Requests.Count;
        var outcome = await webhook.DeliverAsync(Examples.Load(Examples.Opened), Ct);

        Assert.False(outcome.Succeeded);
        Assert.False(outcome.Permanent);
        Assert.Equal($"The circuit for {webhook.Receiver.BaseUrl.GetLeftPart(UriPartial.Authority)} is open after repeated failures; no request was sent.", outcome.Error);
        Assert.Equal(sent, webhook.Receiver.Requests.Count);
        Assert.Equal(CircuitState.Open, webhook.Endpoints.StateOf(webhook.Receiver.Url));
    }

    [Fact]
    public async Task Webhook_OpenCircuit_ClosesAfterTheBreakWhenTheEndpointSucceedsAgain()
    {
        await using var webhook = new WebhookHarness(Options(breakDuration: TimeSpan.FromSeconds(1)));
        webhook.Receiver.Answer(503);
        await FailUntilTheCircuitOpensAsync(webhook);
        var failed = webhook.Receiver.Requests.Count;
        webhook.Receiver.Answer(200);

        var outcome = await Eventually.Until(
            () => webhook.DeliverAsync(Examples.Load(Examples.Opened), Ct),
            o => o.Succeeded,
            "a delivery to succeed once the break is over",
            TimeSpan.FromSeconds(10),
            Ct);

        Assert.Equal(DeliveryOutcome.Delivered, outcome);
        Assert.Equal(CircuitState.Closed, webhook.Endpoints.StateOf(webhook.Receiver.Url));
        // Attempts during the break reached nobody; the first one after it went through and closed the circuit.
        Assert.Equal(failed + 1, webhook.Receiver.Requests.Count);
    }

    [Fact]
    public async Task Webhook_PermanentRejections_DoNotOpenTheCircuit()
    {
        await using var webhook = new WebhookHarness(Options(breakDuration: TimeSpan.FromSeconds(1)));
        webhook.Receiver.Answer(422);

        for (var i = 0; i < 5; i++)
        {
            Assert.True((await webhook.DeliverAsync(Examples.Load(Examples.Opened), Ct)).Permanent);
        }

        Assert.Equal(5, webhook.Receiver.Requests.Count);
        Assert.Equal(CircuitState.Closed, webhook.Endpoints.StateOf(webhook.Receiver.Url));
    }

    [Fact]
    public async Task Webhook_OpenCircuitOfOneEndpoint_DoesNotHoldBackAnother()
    {
        await using var webhook = new WebhookHarness(Options(breakDuration: TimeSpan.FromSeconds(30)));
        using var healthy = new WebhookReceiver();
        webhook.Receiver.Answer(503);
        await FailUntilTheCircuitOpensAsync(webhook);

        var outcome = await webhook.Channel.DeliverAsync(TestRequests.Webhook(healthy.Url, webhook.Secret, Examples.Load(Examples.Opened)), Ct);

        Assert.Equal(DeliveryOutcome.Delivered, outcome);
        Assert.Equal(CircuitState.Closed, webhook.Endpoints.StateOf(healthy.Url));
    }

    private static WebhookOptions Options(TimeSpan breakDuration) => new()
    {
        MinimumThroughput = 2,
        SamplingDuration = TimeSpan.FromSeconds(1),
        BreakDuration = breakDuration,
    };

    private async Task FailUntilTheCircuitOpensAsync(WebhookHarness webhook)
    {
        // Two failures within the sampling window open it; on a slow machine they may fall into two windows, so go on.
        for (var attempt = 1; webhook.Endpoints.StateOf(webhook.Receiver.Url) != CircuitState.Open; attempt++)
        {
            Assert.True(attempt <= 10, "The circuit did not open after 10 failed attempts.");
            Assert.False((await webhook.DeliverAsync(Examples.Load(Examples.Opened), Ct)).Succeeded);
        }
    }
}
