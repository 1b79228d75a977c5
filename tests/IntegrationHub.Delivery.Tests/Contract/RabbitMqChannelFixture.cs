using IntegrationHub.Canonical.Model;
using IntegrationHub.Delivery.Tests.Support;

namespace IntegrationHub.Delivery.Tests.Contract;

/// <summary>
/// The RabbitMQ channel; the receiver is a consumer's queue bound with <c>#</c> to this test's exchange. Unreachable:
/// the subscription names a configured broker nothing answers for.
/// </summary>
public sealed class RabbitMqChannelFixture : IDeliveryChannelFixture
{
    private readonly List<ReceivedMessage> _received = [];
    private RabbitMqHarness? _harness;
    private string _queue = string.Empty;
    private string _broker = "default";

    private RabbitMqHarness Harness => _harness ?? throw new InvalidOperationException("Not initialised.");

    public IDeliveryChannel Channel => Harness.Channel;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        _harness = await RabbitMqHarness.StartAsync(cancellationToken);
        await Harness.Broker.DeclareExchangeAsync(Harness.Exchange, cancellationToken);
        _queue = await Harness.Broker.BindExclusiveQueueAsync(Harness.Exchange, "#", cancellationToken);
    }

    public Task<PreparedDelivery> PrepareAsync(CaseEvent caseEvent, CancellationToken cancellationToken) =>
        Task.FromResult(new PreparedDelivery(TestRequests.RabbitMq(Harness.Exchange, caseEvent, _broker), [_queue]));

    public async Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(int count, CancellationToken cancellationToken) =>
        await Eventually.Until(
            async () =>
            {
                _received.AddRange((await Harness.Broker.TakeAllAsync(_queue, cancellationToken)).Select(m => new ReceivedMessage(_queue, m.BasicProperties.MessageId ?? string.Empty)));
                return _received.ToList();
            },
            received => received.Count >= count,
            $"{count} message(s) in the consumer's queue",
            TimeSpan.FromSeconds(10),
            cancellationToken);

    public string? CarriedId(CaseEvent caseEvent) => caseEvent.Id;

    public Task MakeReceiverUnreachableAsync(CancellationToken cancellationToken)
    {
        _broker = RabbitMqHarness.Offline;
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }
    }
}
