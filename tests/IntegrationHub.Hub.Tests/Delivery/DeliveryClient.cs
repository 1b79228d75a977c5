using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Hub.Tests.Infrastructure;

namespace IntegrationHub.Hub.Tests.Delivery;

/// <summary>What a test does with push subscriptions: subscribe, post events of its own case type, read the delivery status.</summary>
public sealed class DeliveryClient(HttpClient client)
{
    /// <summary>A case type no other test uses, so a subscription filtered on it sees only this test's events.</summary>
    public string CaseType { get; } = $"t-{Guid.NewGuid():N}"[..20];

    public HttpClient Http => client;

    public async Task<JsonElement> Subscribe(object channel, string ceiling = "internal", string startFrom = "now")
    {
        var response = await client.PostAsJsonAsync("/api/v1/subscriptions", new
        {
            municipality = TestEvents.Municipality,
            name = "Test subscriber",
            filter = new { caseTypes = new[] { CaseType }, classificationCeiling = ceiling },
            startFrom,
            channel,
        });
        var body = await response.Json();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Subscribing failed: {body}");
        return body;
    }

    public Task<JsonElement> SubscribeWebhook(WebhookReceiver receiver, string mode = "structured", bool orderPerCase = false, int timeoutSeconds = 10, string startFrom = "now") =>
        Subscribe(new { kind = "webhook", orderPerCase, webhook = new { url = receiver.Url, mode, timeoutSeconds } }, startFrom: startFrom);

    public Scenario Case(string sourceCaseId) => new(client, "edp-future", $"{CaseType}-{sourceCaseId}", CaseType);

    /// <summary>Posts a batch of events without waiting for the pipeline; their sequences.</summary>
    public async Task<IReadOnlyList<long>> Post(params CaseEvent[] events)
    {
        var response = await client.PostAsync("/api/v1/events", Infrastructure.Http.Body(TestEvents.Batch(events), "application/cloudevents-batch+json"));
        var body = await response.Json();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"The hub refused the events: {body}");
        return [.. body.GetProperty("accepted").EnumerateArray().Select(a => a.GetProperty("sequence").GetInt64())];
    }

    public async Task<JsonElement> Status(string subscriptionId) =>
        await (await client.GetAsync($"/api/v1/subscriptions/{subscriptionId}/delivery")).Json();

    public static long Count(JsonElement status, string state) => status.GetProperty("counts").GetProperty(state).GetInt64();

    /// <summary>Waits until the subscription's status satisfies the condition.</summary>
    public async Task<JsonElement> WaitFor(string subscriptionId, Func<JsonElement, bool> condition, string what, TimeSpan? timeout = null)
    {
        JsonElement last = default;
        await Eventually.True(async () => condition(last = await Status(subscriptionId)), what, timeout);
        return last;
    }
}
