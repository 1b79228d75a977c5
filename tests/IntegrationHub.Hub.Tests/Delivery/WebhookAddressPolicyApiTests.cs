using System.Net;
using System.Net.Http.Json;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Hub.Tests.Infrastructure;

namespace IntegrationHub.Hub.Tests.Delivery;

/// <summary>
/// A hub without an allow-list refuses webhook subscriptions to non-public targets (400 naming the field and the rule
/// publicAddress, nothing stored), and refuses at delivery a name that has come to point at one since (DNS rebinding).
/// </summary>
public sealed class WebhookAddressPolicyApiTests : IClassFixture<PublicOnlyHubFactory>
{
    private readonly PublicOnlyHubFactory _hub;
    private readonly HttpClient _client;

    public WebhookAddressPolicyApiTests(PublicOnlyHubFactory hub)
    {
        _hub = hub;
        _client = hub.CreateClient();
        hub.Dns.Set("intranet.test", "127.0.0.1").Set("printer.test", "193.44.157.10", "10.0.0.5").Set("portal.test", "193.44.157.10");
    }

    public static TheoryData<string, string> Blocked() => new()
    {
        { "http://127.0.0.1:8080/hook", "127.0.0.1 is a loopback address" },
        { "http://127.1.2.3/hook", "127.1.2.3 is a loopback address" },
        { "http://localhost:8080/hook", "localhost names the hub's own machine" },
        { "http://localhost./hook", "localhost. names the hub's own machine" },
        { "https://admin.localhost/hook", "admin.localhost names the hub's own machine" },
        { "http://10.0.0.5/hook", "10.0.0.5 is a private network address" },
        { "https://192.168.1.20/hook", "192.168.1.20 is a private network address" },
        { "http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address" },
        { "http://[::1]:8080/hook", "::1 is a loopback address" },
        { "http://[::ffff:127.0.0.1]/hook", "loopback address" },
        { "http://[fe80::1]/hook", "fe80::1 is a link-local address" },
        { "http://[fd00::5]/hook", "fd00::5 is a private network address" },
        { "http://0.0.0.0:8080/hook", "0.0.0.0 is the unspecified address" },
        { "http://100.64.0.1/hook", "100.64.0.1 is a carrier-grade NAT address" },
        // Other spellings of 127.0.0.1 that URL parsers accept.
        { "http://2130706433/hook", "127.0.0.1 is a loopback address" },
        { "http://0x7f.0.0.1/hook", "127.0.0.1 is a loopback address" },
        // Names: one that resolves to loopback, one with a private address among public ones.
        { "https://intranet.test/hook", "intranet.test resolves to a loopback address" },
        { "https://printer.test/hook", "printer.test resolves to a private network address" },
    };

    [Theory]
    [MemberData(nameof(Blocked))]
    public async Task Create_WebhookToANonPublicTarget_Is400NamingTheUrlAndRule_AndStoresNothing(string url, string reason)
    {
        var before = await Count();

        var response = await _client.PostAsJsonAsync("/api/v1/subscriptions", Webhook(url));

        var problem = await response.Json();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(("/channel/webhook/url", "publicAddress"), problem.Errors());
        var detail = problem.GetProperty("detail").GetString();
        Assert.Contains(reason, detail, StringComparison.Ordinal);
        Assert.Contains("only to public addresses", detail, StringComparison.Ordinal);
        Assert.Contains("Hub:Delivery:Webhooks:AllowedNetworks", detail, StringComparison.Ordinal);
        Assert.Contains("Hub:Delivery:Webhooks:AllowedHosts", detail, StringComparison.Ordinal);
        Assert.Equal(before, await Count());
    }

    [Fact]
    public async Task Update_ToANonPublicTarget_Is400_AndKeepsTheUrl()
    {
        var created = await (await _client.PostAsJsonAsync("/api/v1/subscriptions", Webhook("https://portal.test/hook"))).Json();
        var id = created.GetProperty("id").GetString();

        var response = await _client.PutAsJsonAsync($"/api/v1/subscriptions/{id}", new
        {
            name = "Portal", version = 1, channel = new { kind = "webhook", webhook = new { url = "http://169.254.169.254/latest/meta-data/" } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(("/channel/webhook/url", "publicAddress"), (await response.Json()).Errors());
        var read = await (await _client.GetAsync($"/api/v1/subscriptions/{id}")).Json();
        Assert.Equal("https://portal.test/hook", read.GetProperty("channel").GetProperty("webhook").GetProperty("url").GetString());
    }

    [Theory]
    [InlineData("https://portal.test/hook")]
    [InlineData("https://193.44.157.10/hook")]
    [InlineData("https://[2a00:1450:400f:80d::200e]/hook")]
    // A name that does not resolve yet is accepted: every delivery checks it again.
    [InlineData("https://nowhere.test/hook")]
    public async Task Create_WebhookToAPublicTarget_IsAccepted(string url)
    {
        var response = await _client.PostAsJsonAsync("/api/v1/subscriptions", Webhook(url));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Delivery_ToANameThatNowResolvesToLoopback_IsDeadLetteredAtOnce_AndNothingIsSent()
    {
        using var receiver = new WebhookReceiver();
        var port = new Uri(receiver.Url).Port;
        var deliveries = new DeliveryClient(_client);
        _hub.Dns.Set("rebind.test", "193.44.157.10");
        var subscription = await deliveries.Subscribe(new { kind = "webhook", webhook = new { url = $"http://rebind.test:{port}/hook" } });
        var id = subscription.GetProperty("id").GetString()!;
        // Accepted while the name pointed at a public address; now its owner points it at the hub's machine.
        _hub.Dns.Set("rebind.test", "127.0.0.1");

        await deliveries.Post(deliveries.Case("REBIND").Event(CaseEventTypes.Opened, "Din ansökan har kommit in"));
        var status = await deliveries.WaitFor(id, s => DeliveryClient.Count(s, "deadLettered") == 1, "the dead letter");

        var dead = status.GetProperty("deadLettered")[0];
        Assert.Equal(1, dead.GetProperty("attempts").GetInt32());
        Assert.StartsWith("The hub refused to connect: rebind.test resolves to a loopback address", dead.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Empty(receiver.Requests);
    }

    private static object Webhook(string url) => new { municipality = "2281", name = "Portal", channel = new { kind = "webhook", webhook = new { url } } };

    private async Task<int> Count() =>
        (await (await _client.GetAsync("/api/v1/subscriptions?municipality=2281")).Json()).GetArrayLength();
}
