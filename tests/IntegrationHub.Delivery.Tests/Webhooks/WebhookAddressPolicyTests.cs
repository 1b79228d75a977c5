using IntegrationHub.Delivery.Tests.Support;
using IntegrationHub.Delivery.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Polly.CircuitBreaker;

namespace IntegrationHub.Delivery.Tests.Webhooks;

/// <summary>
/// The webhook channel checks the target at every connection: a subscription accepted when its name pointed at a public
/// address cannot reach an internal one later (DNS rebinding), and a refusal is permanent, not a retry loop.
/// </summary>
public sealed class WebhookAddressPolicyTests
{
    private readonly StubResolver _dns = new();

    [Theory]
    [InlineData("http://127.0.0.1:{port}/hook")]
    [InlineData("http://localhost:{port}/hook")]
    [InlineData("http://localhost.:{port}/hook")]
    [InlineData("http://[::ffff:127.0.0.1]:{port}/hook")]
    [InlineData("http://rebound.test:{port}/hook")]
    public async Task Deliver_WithoutAllowList_ToLoopback_IsRejectedPermanentlyAndSendsNothing(string url)
    {
        await using var webhook = new WebhookHarness(settings: new Dictionary<string, string?>(), configure: UseStubDns);
        _dns.Set("rebound.test", "127.0.0.1");
        var target = new Uri(url.Replace("{port}", webhook.Receiver.BaseUrl.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        var outcome = await webhook.DeliverToAsync(target, Examples.Load(Examples.Opened), CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.True(outcome.Permanent, outcome.Error);
        Assert.StartsWith("The hub refused to connect: ", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("Hub:Delivery:Webhooks:AllowedNetworks", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(webhook.Receiver.Requests);
    }

    [Fact]
    public async Task Deliver_NameThatRebindsFromPublicToLoopback_IsRefusedAtConnectTime()
    {
        // Allowed when the subscription was made (a public address), then the name's owner points it at the hub itself.
        await using var webhook = new WebhookHarness(settings: new Dictionary<string, string?>(), configure: UseStubDns);
        _dns.Set("rebind.test", "193.44.157.10");
        Assert.True((await webhook.Policy.CheckAsync("rebind.test", CancellationToken.None)).IsAllowed);
        _dns.Set("rebind.test", "193.44.157.10", "127.0.0.1");

        var outcome = await webhook.DeliverToAsync(Hook("rebind.test", webhook), Examples.Load(Examples.Opened), CancellationToken.None);

        Assert.True(outcome.Permanent, outcome.Error);
        Assert.StartsWith("The hub refused to connect: rebind.test resolves to a loopback address", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(webhook.Receiver.Requests);
    }

    [Fact]
    public async Task Deliver_ToAnAllowedHost_ConnectsToTheAddressItChecked()
    {
        // hook.test exists only in the stub: the request reaches the receiver only through the address the policy resolved.
        await using var webhook = new WebhookHarness(
            settings: new Dictionary<string, string?> { ["Hub:Delivery:Webhooks:AllowedHosts:0"] = "hook.test" }, configure: UseStubDns);
        _dns.Set("hook.test", "127.0.0.1");

        var outcome = await webhook.DeliverToAsync(Hook("hook.test", webhook), Examples.Load(Examples.Opened), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Delivered, outcome);
        var request = Assert.Single(webhook.Receiver.Requests);
        Assert.StartsWith("hook.test:", request.Header("Host"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deliver_RefusedRepeatedly_DoesNotOpenTheCircuit()
    {
        await using var webhook = new WebhookHarness(
            new WebhookOptions { MinimumThroughput = 2, BreakDuration = TimeSpan.FromSeconds(30) }, settings: new Dictionary<string, string?>());

        for (var i = 0; i < 4; i++)
        {
            var outcome = await webhook.DeliverAsync(Examples.Load(Examples.Opened), CancellationToken.None);
            Assert.True(outcome.Permanent, outcome.Error);
        }

        Assert.Equal(CircuitState.Closed, webhook.Endpoints.StateOf(webhook.Receiver.Url));
    }

    private static Uri Hook(string host, WebhookHarness webhook) => new($"http://{host}:{webhook.Receiver.BaseUrl.Port}{WebhookReceiver.HookPath}");

    private void UseStubDns(IServiceCollection services) => services.AddSingleton<IHostAddressResolver>(_dns);
}
