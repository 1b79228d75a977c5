using System.Globalization;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Delivery.RabbitMq;

namespace IntegrationHub.Delivery.Tests.Support;

/// <summary>
/// The hub's RabbitMQ channel with two configured brokers: <c>default</c>, the test broker, and <c>offline</c>, a port
/// nothing listens on; plus the subscriber's side of the test broker with an exchange of this test's own.
/// </summary>
internal sealed class RabbitMqHarness : IAsyncDisposable
{
    public const string Offline = "offline";

    private readonly DeliveryServices _services = new(new Dictionary<string, string?>
    {
        [$"{RabbitMqOptions.Section}:Brokers:default:Uri"] = TestEnvironment.RabbitMq.ToString(),
        [$"{RabbitMqOptions.Section}:Brokers:default:RecoveryInterval"] = "00:00:01",
        [$"{RabbitMqOptions.Section}:Brokers:{Offline}:Uri"] = string.Create(CultureInfo.InvariantCulture, $"amqp://guest:guest@127.0.0.1:{FreePort.Next()}/"),
    });

    private RabbitMqHarness(RabbitMqTestBroker broker)
    {
        Broker = broker;
        Exchange = broker.NewExchangeName();
        Channel = _services.Channel<RabbitMqChannel>();
    }

    public RabbitMqChannel Channel { get; }

    /// <summary>The channel's clock.</summary>
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock => _services.Clock;

    /// <summary>The subscriber's side.</summary>
    public RabbitMqTestBroker Broker { get; }

    /// <summary>This test's exchange (not yet declared).</summary>
    public string Exchange { get; }

    public static async Task<RabbitMqHarness> StartAsync(CancellationToken cancellationToken) =>
        new(await RabbitMqTestBroker.ConnectAsync(cancellationToken));

    /// <summary>One attempt to publish the event to this test's exchange.</summary>
    public Task<DeliveryOutcome> DeliverAsync(CaseEvent caseEvent, CancellationToken cancellationToken, string broker = "default") =>
        Channel.DeliverAsync(TestRequests.RabbitMq(Exchange, caseEvent, broker), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Broker.DisposeAsync();
    }
}
