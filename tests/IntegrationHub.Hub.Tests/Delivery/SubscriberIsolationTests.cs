using IntegrationHub.Canonical.Model;
using IntegrationHub.Hub.Tests.Infrastructure;

namespace IntegrationHub.Hub.Tests.Delivery;

/// <summary>One slow or failing subscriber never delays the others.</summary>
public sealed class SubscriberIsolationTests(DeliveryHubFactory hub) : IClassFixture<DeliveryHubFactory>
{
    private readonly DeliveryClient _hub = new(hub.CreateClient());

    [Fact]
    public async Task SlowSubscriber_DoesNotDelayAFastOne()
    {
        using var slow = new WebhookReceiver(delay: TimeSpan.FromSeconds(4));
        using var fast = new WebhookReceiver();
        var slowId = (await _hub.SubscribeWebhook(slow)).GetProperty("id").GetString()!;
        var fastId = (await _hub.SubscribeWebhook(fast)).GetProperty("id").GetString()!;
        var scenario = _hub.Case("slow");

        await _hub.Post([.. Enumerable.Range(0, 40).Select(i => scenario.Event(i == 0 ? CaseEventTypes.Opened : CaseEventTypes.StatusChanged, $"Steg {i}"))]);
        await _hub.WaitFor(fastId, s => DeliveryClient.Count(s, "delivered") == 40, "every event at the fast subscriber");

        Assert.True(DeliveryClient.Count(await _hub.Status(slowId), "delivered") < 40, "the fast subscriber finished while the slow one was still busy");
        Assert.Equal(40, fast.Accepted.Distinct().Count());
    }

    [Fact]
    public async Task FailingSubscriber_DoesNotDelayAHealthyOne_AndItsCircuitOpens()
    {
        using var failing = new WebhookReceiver(status: 500);
        using var healthy = new WebhookReceiver();
        var failingId = (await _hub.SubscribeWebhook(failing)).GetProperty("id").GetString()!;
        var healthyId = (await _hub.SubscribeWebhook(healthy)).GetProperty("id").GetString()!;
        var scenario = _hub.Case("failing");

        await _hub.Post([.. Enumerable.Range(0, 20).Select(i => scenario.Event(i == 0 ? CaseEventTypes.Opened : CaseEventTypes.StatusChanged, $"Steg {i}"))]);
        await _hub.WaitFor(healthyId, s => DeliveryClient.Count(s, "delivered") == 20, "every event at the healthy subscriber");
        var status = await _hub.WaitFor(failingId, s => s.GetProperty("circuit").GetString() != "closed", "the failing endpoint's circuit to open");

        Assert.Equal(0, DeliveryClient.Count(status, "delivered"));
        // Its open deliveries are bounded by its share of the queue (Hub:Delivery:MaxOpenPerSubscription, 16 by default).
        Assert.True(DeliveryClient.Count(status, "pending") + DeliveryClient.Count(status, "failing") + DeliveryClient.Count(status, "deadLettered") <= 20);
    }
}
