using IntegrationHub.Canonical.Model;
using IntegrationHub.Delivery.Webhooks;
using IntegrationHub.Store.Subscriptions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Delivery.Tests.Support;

/// <summary>The hub's webhook channel and a subscriber's endpoint (WireMock) with its own signing secret.</summary>
internal sealed class WebhookHarness : IAsyncDisposable
{
    private readonly DeliveryServices _services;

    /// <param name="options">Circuit-breaker settings; the hub's defaults when null.</param>
    /// <param name="settings">
    /// The channel's configuration; by default loopback, where the receiver listens, is allow-listed
    /// (<c>Hub:Delivery:Webhooks:AllowedNetworks</c>).
    /// </param>
    /// <param name="configure">More registrations, e.g. a host name resolver.</param>
    public WebhookHarness(WebhookOptions? options = null, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        _services = new DeliveryServices(
            settings ?? AllowLoopback,
            services =>
            {
                if (options is not null)
                {
                    services.AddSingleton(_ => new WebhookEndpoints(Options.Create(options)));
                }

                configure?.Invoke(services);
            });
        Channel = _services.Channel<WebhookChannel>();
    }

    /// <summary>Loopback allow-listed, as the tests' receivers need.</summary>
    public static IReadOnlyDictionary<string, string?> AllowLoopback { get; } =
        new Dictionary<string, string?> { ["Hub:Delivery:Webhooks:AllowedNetworks:0"] = "127.0.0.0/8" };

    public WebhookReceiver Receiver { get; } = new();

    public WebhookChannel Channel { get; }

    /// <summary>The channel's clock.</summary>
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock => _services.Clock;

    public WebhookEndpoints Endpoints => _services.Get<WebhookEndpoints>();

    /// <summary>The channel's address policy.</summary>
    public OutboundAddressPolicy Policy => _services.Get<OutboundAddressPolicy>();

    /// <summary>The subscription's signing secret.</summary>
    public string Secret { get; } = WebhookSignature.NewSecret();

    /// <summary>One attempt to <paramref name="url"/>.</summary>
    public Task<DeliveryOutcome> DeliverToAsync(Uri url, CaseEvent caseEvent, CancellationToken cancellationToken) =>
        Channel.DeliverAsync(TestRequests.Webhook(url, Secret, caseEvent), cancellationToken);

    /// <summary>One attempt to the receiver's hook.</summary>
    public Task<DeliveryOutcome> DeliverAsync(CaseEvent caseEvent, CancellationToken cancellationToken, WebhookMode mode = WebhookMode.Structured, int timeoutSeconds = 10) =>
        Channel.DeliverAsync(TestRequests.Webhook(Receiver.Url, Secret, caseEvent, mode, timeoutSeconds), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        Receiver.Dispose();
        await _services.DisposeAsync();
    }
}
