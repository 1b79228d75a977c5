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
    public WebhookHarness(WebhookOptions? options = null)
    {
        _services = new DeliveryServices(
            new Dictionary<string, string?>(),
            services =>
            {
                if (options is not null)
                {
                    services.AddSingleton(_ => new WebhookEndpoints(Options.Create(options)));
                }
            });
        Channel = _services.Channel<WebhookChannel>();
    }

    public WebhookReceiver Receiver { get; } = new();

    public WebhookChannel Channel { get; }

    /// <summary>The channel's clock.</summary>
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock => _services.Clock;

    public WebhookEndpoints Endpoints => _services.Get<WebhookEndpoints>();

    /// <summary>The subscription's signing secret.</summary>
    public string Secret { get; } = WebhookSignature.NewSecret();

    /// <summary>One attempt to the receiver's hook.</summary>
    public Task<DeliveryOutcome> DeliverAsync(CaseEvent caseEvent, CancellationToken cancellationToken, WebhookMode mode = WebhookMode.Structured, int timeoutSeconds = 10) =>
        Channel.DeliverAsync(TestRequests.Webhook(Receiver.Url, Secret, caseEvent, mode, timeoutSeconds), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        Receiver.Dispose();
        await _services.DisposeAsync();
    }
}
