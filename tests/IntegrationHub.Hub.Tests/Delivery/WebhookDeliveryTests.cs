using System.Net.Http.Json;
using System.Text.Json;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Delivery.Webhooks;
using IntegrationHub.Hub.Tests.Infrastructure;

namespace IntegrationHub.Hub.Tests.Delivery;

/// <summary>On the embedded SQLite default (delivery bus in lease mode).</summary>
public sealed class WebhookDeliveryTests(DeliveryHubFactory hub) : WebhookDeliveryContract(hub), IClassFixture<DeliveryHubFactory>;

/// <summary>On PostgreSQL (Rebus.PostgreSql transport and outbox).</summary>
public sealed class PostgreSqlWebhookDeliveryTests(PostgreSqlDeliveryHubFactory hub) : WebhookDeliveryContract(hub), IClassFixture<PostgreSqlDeliveryHubFactory>;

/// <summary>Webhook subscriptions through the real hub: signed CloudEvents, retries, dead letters, replay, ordering, pause.</summary>
public abstract class WebhookDeliveryContract(DeliveryHubFactory hub)
{
    private readonly DeliveryClient _hub = new(hub.CreateClient());

    [Fact]
    public async Task Webhook_NewEvent_IsPostedOnceAsSignedStructuredCloudEvent_AndCountedAsDelivered()
    {
        using var receiver = new WebhookReceiver();
        var subscription = await _hub.SubscribeWebhook(receiver);
        var secret = subscription.GetProperty("webhookSecret").GetString()!;
        var opened = _hub.Case("A").Event(CaseEventTypes.Opened, "Din ansökan har kommit in");

        await _hub.Post(opened);
        var status = await _hub.WaitFor(Id(subscription), s => DeliveryClient.Count(s, "delivered") == 1, "the delivery");

        var request = Assert.Single(receiver.Requests);
        Assert.Equal(opened.Id, request.WebhookId);
        Assert.StartsWith("application/cloudevents+json", request.Headers["content-type"], StringComparison.Ordinal);
        Assert.Equal(opened.Id, JsonDocument.Parse(request.Body).RootElement.GetProperty("id").GetString());
        Assert.True(WebhookSignature.Verify(secret, request.WebhookId, request.Headers["webhook-timestamp"], request.Headers["webhook-signature"],
            request.Body, hub.Clock.GetUtcNow(), TimeSpan.FromMinutes(5)), "the signature verifies with the subscription's secret");
        Assert.Equal(0, DeliveryClient.Count(status, "pending") + DeliveryClient.Count(status, "failing"));
        Assert.Equal("closed", status.GetProperty("circuit").GetString());
    }

    [Fact]
    public async Task Webhook_BinaryMode_CarriesAttributesAsCeHeadersAndTheDataAsBody()
    {
        using var receiver = new WebhookReceiver();
        var subscription = await _hub.SubscribeWebhook(receiver, mode: "binary");
        var opened = _hub.Case("B").Event(CaseEventTypes.Opened, "Din ansökan har kommit in");

        await _hub.Post(opened);
        await _hub.WaitFor(Id(subscription), s => DeliveryClient.Count(s, "delivered") == 1, "the delivery");

        var request = Assert.Single(receiver.Requests);
        Assert.Equal("1.0", request.Headers["ce-specversion"]);
        Assert.Equal(opened.Id, request.Headers["ce-id"]);
        Assert.Equal(CaseEventTypes.Opened, request.Headers["ce-type"]);
        Assert.Equal("2281", request.Headers["ce-municipality"]);
        Assert.Equal("internal", request.Headers["ce-dataclassification"]);
        Assert.Equal("Din ansökan har kommit in", JsonDocument.Parse(request.Body).RootElement.GetProperty("event").GetProperty("headline").GetString());
    }

    [Fact]
    public async Task Webhook_FailingEndpoint_IsRetriedThenDeadLettered_ShowsTheErrorAndNextAttempt_AndAReplayDeliversIt()
    {
        using var receiver = new WebhookReceiver(status: 503);
        var subscription = await _hub.SubscribeWebhook(receiver);
        var id = Id(subscription);
        var sequence = (await _hub.Post(_hub.Case("C").Event(CaseEventTypes.Opened, "Din ansökan har kommit in")))[0];

        var failing = await _hub.WaitFor(id, s => DeliveryClient.Count(s, "failing") == 1, "a failing delivery");
        var shown = failing.GetProperty("failing")[0];
        Assert.Contains("503", shown.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.True(shown.TryGetProperty("nextAttemptAt", out _));

        var dead = await _hub.WaitFor(id, s => DeliveryClient.Count(s, "deadLettered") == 1, "the dead letter");
        Assert.Contains("Gave up after 4 attempts", dead.GetProperty("deadLettered")[0].GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal(4, receiver.Requests.Count);
        // The record says dead-lettered a moment before Rebus has moved the message to its error queue.
        var letters = default(JsonElement);
        await Eventually.True(async () => (letters = await (await _hub.Http.GetAsync("/api/v1/dead-letters")).Json()).EnumerateArray()
            .Any(l => l.GetProperty("body").GetString()!.Contains(id, StringComparison.Ordinal)), "the message in the dead-letter queue");
        var letter = Assert.Single(letters.EnumerateArray(), l => l.GetProperty("body").GetString()!.Contains(id, StringComparison.Ordinal));
        Assert.Equal("ihub-delivery", letter.GetProperty("sourceQueue").GetString());
        // Dead-lettered by the hub's decision after its own retries, not by Rebus giving up on an exception.
        Assert.Contains("was dead-lettered", letter.GetProperty("error").GetString(), StringComparison.Ordinal);

        receiver.Answer(200);
        var replay = await _hub.Http.PostAsync($"/api/v1/subscriptions/{id}/deliveries/{sequence}/replay", null);

        Assert.Equal(1, (await replay.Json()).GetProperty("replayed").GetInt32());
        var delivered = await _hub.WaitFor(id, s => DeliveryClient.Count(s, "delivered") == 1, "the replayed delivery");
        Assert.Equal(0, DeliveryClient.Count(delivered, "deadLettered"));
        var remaining = await (await _hub.Http.GetAsync("/api/v1/dead-letters")).Json();
        Assert.DoesNotContain(remaining.EnumerateArray(), l => l.GetProperty("body").GetString()!.Contains(id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Webhook_TransientFailures_AreRetried_AndTheEventIsAcceptedOnceWithTheSameId()
    {
        using var receiver = new WebhookReceiver();
        receiver.FailFirst(2);
        var subscription = await _hub.SubscribeWebhook(receiver);
        var opened = _hub.Case("D").Event(CaseEventTypes.Opened, "Din ansökan har kommit in");

        await _hub.Post(opened);
        await _hub.WaitFor(Id(subscription), s => DeliveryClient.Count(s, "delivered") == 1, "the delivery after two failures");

        Assert.Equal([opened.Id, opened.Id, opened.Id], receiver.Requests.Select(r => r.WebhookId));
        Assert.Equal([opened.Id], receiver.Accepted);
    }

    [Fact]
    public async Task Webhook_Gone_IsDeadLetteredAtOnce_WithAReasonForTheAdministrator()
    {
        using var receiver = new WebhookReceiver(status: 410);
        var subscription = await _hub.SubscribeWebhook(receiver);

        await _hub.Post(_hub.Case("E").Event(CaseEventTypes.Opened, "Din ansökan har kommit in"));
        var status = await _hub.WaitFor(Id(subscription), s => DeliveryClient.Count(s, "deadLettered") == 1, "the dead letter");

        Assert.Single(receiver.Requests);
        Assert.Contains("no longer takes these events", status.GetProperty("deadLettered")[0].GetProperty("lastError").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhook_OrderPerCase_DeliversALaterEventOfTheCaseOnlyAfterTheEarlierOneWasAccepted()
    {
        using var receiver = new WebhookReceiver();
        receiver.FailFirst(2);
        var subscription = await _hub.SubscribeWebhook(receiver, orderPerCase: true);
        var scenario = _hub.Case("F");
        var first = scenario.Event(CaseEventTypes.Opened, "Din ansökan har kommit in");
        var second = scenario.Event(CaseEventTypes.StatusChanged, "Din ansökan handläggs nu");
        var third = scenario.Event(CaseEventTypes.StatusChanged, "Komplettering har kommit in");

        await _hub.Post(first, second, third);
        await _hub.WaitFor(Id(subscription), s => DeliveryClient.Count(s, "delivered") == 3, "three deliveries");

        Assert.Equal([first.Id, second.Id, third.Id], receiver.Accepted);
        Assert.Equal([first.Id, first.Id, first.Id, second.Id, third.Id], receiver.Requests.Select(r => r.WebhookId));
    }

    [Fact]
    public async Task Webhook_EventAboveTheCeiling_IsNeverPosted()
    {
        using var receiver = new WebhookReceiver();
        var subscription = await _hub.SubscribeWebhook(receiver);
        var scenario = _hub.Case("G");
        var secret = scenario.Event(CaseEventTypes.Opened, "Sekretess") with { DataClassification = DataClassification.Confidential };
        var open = scenario.Event(CaseEventTypes.StatusChanged, "Din ansökan handläggs nu");

        await _hub.Post(secret, open);
        await _hub.WaitFor(Id(subscription), s => DeliveryClient.Count(s, "delivered") == 1, "the delivery of the internal event");

        Assert.Equal([open.Id], receiver.Requests.Select(r => r.WebhookId));
    }

    [Fact]
    public async Task Webhook_PausedSubscription_ReceivesNothing_UntilResumed()
    {
        using var receiver = new WebhookReceiver();
        var id = Id(await _hub.SubscribeWebhook(receiver));
        await _hub.Http.PostAsync($"/api/v1/subscriptions/{id}/pause", null);
        var scenario = _hub.Case("H");

        await scenario.Post(scenario.Event(CaseEventTypes.Opened, "Din ansökan har kommit in"));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Empty(receiver.Requests);

        await _hub.Http.PostAsync($"/api/v1/subscriptions/{id}/resume", null);
        await _hub.WaitFor(id, s => DeliveryClient.Count(s, "delivered") == 1, "the delivery after resuming");
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task Webhook_Backfill_DeliversTheWholeHistoryOnce_WhileALiveSubscriberGetsItsEventsAtOnce()
    {
        var history = _hub.Case("I");
        var events = Enumerable.Range(0, 30).Select(i => history.Event(CaseEventTypes.StatusChanged, $"Steg {i}")).ToArray();
        await history.Post([history.Event(CaseEventTypes.Opened, "Din ansökan har kommit in"), .. events]);
        using var slow = new WebhookReceiver(delay: TimeSpan.FromMilliseconds(300));
        using var live = new WebhookReceiver();
        var backfill = Id(await _hub.SubscribeWebhook(slow, startFrom: "beginning"));
        var liveId = Id(await _hub.SubscribeWebhook(live));

        var fresh = _hub.Case("J").Event(CaseEventTypes.Opened, "Ny ansökan");
        await _hub.Post(fresh);
        await _hub.WaitFor(liveId, s => DeliveryClient.Count(s, "delivered") == 1, "the live delivery");
        var backfillWhenLiveWasDone = DeliveryClient.Count(await _hub.Status(backfill), "delivered");
        await _hub.WaitFor(backfill, s => DeliveryClient.Count(s, "delivered") == 32, "the whole history", TimeSpan.FromSeconds(60));

        Assert.True(backfillWhenLiveWasDone < 32, "the live event did not wait for the backfill");
        Assert.Equal(32, slow.Accepted.Distinct().Count());
        Assert.Equal(32, slow.Accepted.Count);
    }

    [Fact]
    public async Task Webhook_SecretRotation_ShowsTheNewSecretOnce_AndLaterRequestsAreSignedWithIt()
    {
        using var receiver = new WebhookReceiver();
        var subscription = await _hub.SubscribeWebhook(receiver);
        var id = Id(subscription);

        var rotated = await (await _hub.Http.PostAsync($"/api/v1/subscriptions/{id}/webhook-secret", null)).Json();
        var newSecret = rotated.GetProperty("webhookSecret").GetString()!;
        var read = await (await _hub.Http.GetAsync($"/api/v1/subscriptions/{id}")).Json();
        await _hub.Post(_hub.Case("K").Event(CaseEventTypes.Opened, "Din ansökan har kommit in"));
        await _hub.WaitFor(id, s => DeliveryClient.Count(s, "delivered") == 1, "the delivery");

        Assert.NotEqual(subscription.GetProperty("webhookSecret").GetString(), newSecret);
        Assert.False(read.TryGetProperty("webhookSecret", out _));
        Assert.DoesNotContain(newSecret, read.ToString(), StringComparison.Ordinal);
        var request = Assert.Single(receiver.Requests);
        Assert.True(WebhookSignature.Verify(newSecret, request.WebhookId, request.Headers["webhook-timestamp"], request.Headers["webhook-signature"],
            request.Body, hub.Clock.GetUtcNow(), TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public async Task FeedSubscription_GivenAWebhook_PushesOnlyTheEventsAfterTheChange()
    {
        using var receiver = new WebhookReceiver();
        var scenario = _hub.Case("L");
        var feed = await _hub.Subscribe(new { kind = "feed" }, startFrom: "beginning");
        var id = Id(feed);
        await scenario.Post(scenario.Event(CaseEventTypes.Opened, "Före webhooken"));

        var changed = await _hub.Http.PutAsJsonAsync($"/api/v1/subscriptions/{id}", new
        {
            name = "Portal", filter = new { caseTypes = new[] { _hub.CaseType }, classificationCeiling = "internal" }, version = 1,
            channel = new { kind = "webhook", webhook = new { url = receiver.Url } },
        });
        Assert.True((await changed.Json()).TryGetProperty("webhookSecret", out _), "a new webhook's secret is shown once");
        var later = scenario.Event(CaseEventTypes.StatusChanged, "Efter webhooken");
        await _hub.Post(later);
        await _hub.WaitFor(id, s => DeliveryClient.Count(s, "delivered") == 1, "the later event");

        Assert.Equal([later.Id], receiver.Requests.Select(r => r.WebhookId));
    }

    private static string Id(JsonElement subscription) => subscription.GetProperty("id").GetString()!;
}
