using IntegrationHub.Delivery.Tests.Support;

namespace IntegrationHub.Delivery.Tests.Webhooks;

public sealed class WebhookStatusTests : IAsyncLifetime
{
    private readonly WebhookHarness _webhook = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _webhook.DisposeAsync().AsTask();

    [Theory]
    [InlineData(200)]
    [InlineData(201)]
    [InlineData(202)]
    [InlineData(204)]
    public async Task Webhook_Answer2xx_IsDelivered(int status)
    {
        _webhook.Receiver.Answer(status);

        var outcome = await _webhook.DeliverAsync(Examples.Load(Examples.Opened), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Delivered, outcome);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(410)]
    [InlineData(413)]
    [InlineData(415)]
    [InlineData(422)]
    public async Task Webhook_AnswerThatRefusesTheRequest_IsRejectedPermanentlyWithAClearText(int status)
    {
        _webhook.Receiver.Answer(status);
        var caseEvent = Examples.Load(Examples.Opened);

        var outcome = await _webhook.DeliverAsync(caseEvent, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.True(outcome.Permanent, $"{status} should dead-letter at once: {outcome.Error}");
        Assert.Null(outcome.RetryAfter);
        Assert.StartsWith($"The endpoint answered {status}", outcome.Error, StringComparison.Ordinal);
        Assert.Contains(status == 410 ? "no longer takes these events" : "cannot help", outcome.Error, StringComparison.Ordinal);
        PersonalData.AssertAbsent(caseEvent, outcome.Error, "error text");
        Assert.Single(_webhook.Receiver.Requests);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(429)]
    [InlineData(408)]
    [InlineData(404)]
    public async Task Webhook_AnswerWorthAnotherAttempt_IsTransient(int status)
    {
        _webhook.Receiver.Answer(status);

        var outcome = await _webhook.DeliverAsync(Examples.Load(Examples.Opened), CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.False(outcome.Permanent, $"{status} is worth another attempt: {outcome.Error}");
        Assert.StartsWith($"The endpoint answered {status}", outcome.Error, StringComparison.Ordinal);
        // One attempt: retries are the hub's (deferred), never the channel's.
        Assert.Single(_webhook.Receiver.Requests);
    }

    [Fact]
    public async Task Webhook_503WithRetryAfterSeconds_AsksForThatWait()
    {
        _webhook.Receiver.Answer(503, headers: ("Retry-After", "120"));

        var outcome = await _webhook.DeliverAsync(Examples.Load(Examples.Opened), CancellationToken.None);

        Assert.False(outcome.Permanent);
        Assert.Equal(TimeSpan.FromSeconds(120), outcome.RetryAfter);
    }

    [Fact]
    public async Task Webhook_429WithRetryAfterDate_AsksToWaitUntilThen()
    {
        var until = _webhook.Clock.GetUtcNow().AddMinutes(10);
        _webhook.Receiver.Answer(429, headers: ("Retry-After", until.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));

        var outcome = await _webhook.DeliverAsync(Examples.Load(Examples.Opened), CancellationToken.None);

        Assert.False(outcome.Permanent);
        Assert.NotNull(outcome.RetryAfter);
        Assert.Equal(TimeSpan.FromMinutes(10), outcome.RetryAfter.Value);
    }

    [Fact]
    public async Task Webhook_503WithoutRetryAfter_LeavesTheWaitToTheHub()
    {
        _webhook.Receiver.Answer(503);

        var outcome = await _webhook.DeliverAsync(Examples.Load(Examples.Opened), CancellationToken.None);

        Assert.Null(outcome.RetryAfter);
    }
}
