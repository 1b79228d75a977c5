using IntegrationHub.Delivery.Tests.Support;

namespace IntegrationHub.Delivery.Tests.RabbitMq;

[Collection(BrokerRestart.Name)]
public sealed class RabbitMqReconnectTests : IAsyncLifetime, IDisposable
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(90));
    private RabbitMqHarness _rabbit = null!;

    private CancellationToken Ct => _timeout.Token;

    public async Task InitializeAsync() => _rabbit = await RabbitMqHarness.StartAsync(Ct);

    public Task DisposeAsync() => _rabbit.DisposeAsync().AsTask();

    public void Dispose() => _timeout.Dispose();

    [Fact]
    public async Task RabbitMq_BrokerRestart_FailsTransientlyWhileDownThenThePublisherReconnectsByItself()
    {
        await _rabbit.Broker.DeclareExchangeAsync(_rabbit.Exchange, Ct);
        var queue = await _rabbit.Broker.BindDurableQueueAsync(_rabbit.Exchange, "2281.#", Ct);
        var before = Examples.Load(Examples.Opened);
        var after = before with { Id = before.Id + "-after-restart" };
        Assert.Equal(DeliveryOutcome.Delivered, await _rabbit.DeliverAsync(before, Ct));

        DeliveryOutcome whileDown;
        await TestServices.RabbitMqStopAsync(Ct);
        try
        {
            whileDown = await _rabbit.DeliverAsync(after, Ct);
        }
        finally
        {
            await TestServices.RabbitMqStartAsync(CancellationToken.None);
        }

        Assert.False(whileDown.Succeeded);
        Assert.False(whileDown.Permanent, whileDown.Error);
        Assert.Contains("cannot be reached", whileDown.Error, StringComparison.Ordinal);
        // The same channel instance, so the publisher has to recover its connection by itself (RecoveryInterval 1 s).
        var outcome = await Eventually.Until(
            () => _rabbit.DeliverAsync(after, Ct),
            o => o.Succeeded,
            "the publisher to reconnect after the broker restart",
            TimeSpan.FromSeconds(30),
            Ct);
        Assert.Equal(DeliveryOutcome.Delivered, outcome);

        await Eventually.True(() => Task.FromResult(_rabbit.Broker.IsOpen), "the test's own connection to recover", TimeSpan.FromSeconds(30), Ct);
        var ids = (await _rabbit.Broker.TakeAllAsync(queue, Ct)).Select(m => m.BasicProperties.MessageId).ToList();
        // The persistent message published before the restart survived it in the durable queue.
        Assert.Equal([before.Id, after.Id], ids);
    }
}
