using System.Net;
using System.Net.Http.Json;
using IntegrationHub.Hub.Tests.Infrastructure;

namespace IntegrationHub.Hub.Tests.Delivery;

/// <summary>Bad channel settings get a ProblemDetails naming the field and the rule; nothing is stored.</summary>
public sealed class SubscriptionChannelApiTests(HubFactory hub) : IClassFixture<HubFactory>
{
    private readonly HttpClient _client = hub.CreateClient();

    public static TheoryData<string, string, string> BadChannels() => new()
    {
        { """{"kind":"pigeon"}""", "/channel/kind", "enum" },
        { """{"kind":"webhook"}""", "/channel/webhook", "required" },
        { """{"kind":"webhook","webhook":{"url":"ftp://portal.kommun.se/hook"}}""", "/channel/webhook/url", "format" },
        { """{"kind":"webhook","webhook":{"url":"/relative"}}""", "/channel/webhook/url", "format" },
        { """{"kind":"webhook","webhook":{"url":"https://user:pw@portal.kommun.se/hook"}}""", "/channel/webhook/url", "noCredentials" },
        { """{"kind":"webhook","webhook":{"url":"https://portal.kommun.se/hook","mode":"xml"}}""", "/channel/webhook/mode", "enum" },
        { """{"kind":"webhook","webhook":{"url":"https://portal.kommun.se/hook","timeoutSeconds":600}}""", "/channel/webhook/timeoutSeconds", "range" },
        { """{"kind":"rabbitMq","rabbitMq":{"exchange":"ihub.events"}}""", "/channel/rabbitMq/broker", "configured" },
        { """{"kind":"email","email":{"loginUrl":"https://minasidor.kommun.se"}}""", "/channel/kind", "configured" },
    };

    [Theory]
    [MemberData(nameof(BadChannels))]
    public async Task Create_WithBadChannel_Is400NamingTheFieldAndRule_AndStoresNothing(string channel, string field, string rule)
    {
        var body = $$"""{"municipality":"2281","name":"Portal","channel":{{channel}}}""";
        var before = await (await _client.GetAsync("/api/v1/subscriptions?municipality=2281")).Json();

        var response = await _client.PostAsync("/api/v1/subscriptions", Http.Body(System.Text.Encoding.UTF8.GetBytes(body), "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains((field, rule), (await response.Json()).Errors());
        var after = await (await _client.GetAsync("/api/v1/subscriptions?municipality=2281")).Json();
        Assert.Equal(before.GetArrayLength(), after.GetArrayLength());
    }

    [Fact]
    public async Task WebhookSecret_IsShownOnceAtCreation_AndNeverInReads()
    {
        var created = await (await _client.PostAsJsonAsync("/api/v1/subscriptions", new
        {
            municipality = "2281", name = "Mina Sidor", channel = new { kind = "webhook", webhook = new { url = "https://minasidor.kommun.se/hook" } },
        })).Json();
        var secret = created.GetProperty("webhookSecret").GetString()!;
        var id = created.GetProperty("id").GetString();

        var one = await (await _client.GetAsync($"/api/v1/subscriptions/{id}")).Json();
        var all = await (await _client.GetAsync("/api/v1/subscriptions?municipality=2281")).Json();
        var changed = await (await _client.PutAsJsonAsync($"/api/v1/subscriptions/{id}", new { name = "Mina Sidor 2", version = 1 })).Json();

        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.Equal("webhook", one.GetProperty("channel").GetProperty("kind").GetString());
        foreach (var read in new[] { one, all, changed })
        {
            Assert.DoesNotContain(secret, read.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal("https://minasidor.kommun.se/hook", changed.GetProperty("channel").GetProperty("webhook").GetProperty("url").GetString());
    }

    [Fact]
    public async Task RotatingTheSecretOfAFeedSubscription_Is422()
    {
        var created = await (await _client.PostAsJsonAsync("/api/v1/subscriptions", new { municipality = "2281", name = "Statistik" })).Json();

        var response = await _client.PostAsync($"/api/v1/subscriptions/{created.GetProperty("id").GetString()}/webhook-secret", null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("feed", created.GetProperty("channel").GetProperty("kind").GetString());
    }

    [Theory]
    [InlineData("state=bogus", "state", "enum")]
    [InlineData("limit=0", "limit", "range")]
    public async Task Deliveries_WithBadQuery_Is400(string query, string parameter, string rule)
    {
        var created = await (await _client.PostAsJsonAsync("/api/v1/subscriptions", new { municipality = "2281", name = "Statistik" })).Json();

        var response = await _client.GetAsync($"/api/v1/subscriptions/{created.GetProperty("id").GetString()}/deliveries?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Json()).Errors();
        Assert.Contains(errors, e => e.Pointer == parameter && (e.Rule == rule || rule == "range"));
    }

    [Fact]
    public async Task Replay_OfAnUnknownDelivery_Is404()
    {
        var response = await _client.PostAsync($"/api/v1/subscriptions/{Guid.NewGuid()}/deliveries/5/replay", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
