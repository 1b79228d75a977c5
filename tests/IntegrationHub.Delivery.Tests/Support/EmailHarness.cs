using System.Globalization;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Delivery.Email;
using IntegrationHub.Store;
using IntegrationHub.Store.Notifications;
using IntegrationHub.Store.Subscriptions;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Delivery.Tests.Support;

/// <summary>
/// The hub's notification e-mail channel on a real SQLite store, sending through the SMTP test server (or, when
/// <c>smtpPort</c> is given, a port of the caller's choosing) as Sundsvalls kommun.
/// </summary>
internal sealed class EmailHarness : IAsyncDisposable
{
    public const string MunicipalityName = "Sundsvalls kommun";
    public const string From = "noreply@sundsvall.se";

    /// <summary>The subscription's login link.</summary>
    public static readonly Uri LoginUrl = new("https://minasidor.sundsvall.se/arenden");

    private readonly DeliveryServices _services;

    private EmailHarness(TestHubStore store, string host, int port)
    {
        Store = store;
        _services = new DeliveryServices(
            new Dictionary<string, string?>
            {
                [$"{EmailNotificationOptions.Section}:Host"] = host,
                [$"{EmailNotificationOptions.Section}:Port"] = port.ToString(CultureInfo.InvariantCulture),
                [$"{EmailNotificationOptions.Section}:Security"] = nameof(SmtpSecurity.None),
                [$"{EmailNotificationOptions.Section}:From"] = From,
            },
            services => services.AddSingleton<IHubStore>(store.Store).AddSingleton<INotificationPreferences>(store.Preferences));
        Channel = _services.Channel<EmailNotificationChannel>();
    }

    public TestHubStore Store { get; }

    public EmailNotificationChannel Channel { get; }

    /// <summary>The channel's clock.</summary>
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock => _services.Clock;

    public static async Task<EmailHarness> StartAsync(CancellationToken cancellationToken, int? smtpPort = null)
    {
        // Read first: a missing setting fails the test before anything needs cleaning up.
        var (host, port) = TestEnvironment.Smtp;
        return new(await TestHubStore.CreateAsync(cancellationToken), host, smtpPort ?? port);
    }

    /// <summary>The building-permit application of <c>opened.json</c>, with these parties instead of the example's.</summary>
    public static CaseEvent Application(params Party[] parties)
    {
        var example = Examples.Load(Examples.Opened);
        return example with { Data = example.Data with { Parties = parties } };
    }

    /// <summary>An e-mail notification subscription of the event's municipality.</summary>
    public static Subscription Subscription(string municipality) => TestRequests.Subscription(
        new DeliveryChannel { Kind = DeliveryChannelKind.Email, Email = new EmailNotificationSettings { LoginUrl = LoginUrl } },
        municipality);

    /// <summary>Stores and correlates the event as the pipeline does, and returns the request the dispatcher would make.</summary>
    public async Task<DeliveryRequest> RequestAsync(CaseEvent caseEvent, CancellationToken cancellationToken)
    {
        var (stored, record) = await Store.IngestAsync(caseEvent, cancellationToken);
        return new DeliveryRequest(Subscription(caseEvent.Municipality), stored, record, MunicipalityName);
    }

    /// <summary>Stores the event and makes one attempt to notify its case's parties.</summary>
    public async Task<DeliveryOutcome> DeliverAsync(CaseEvent caseEvent, CancellationToken cancellationToken) =>
        await Channel.DeliverAsync(await RequestAsync(caseEvent, cancellationToken), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Store.DisposeAsync();
    }
}
