using IntegrationHub.Delivery.Tests.Support;

namespace IntegrationHub.Delivery.Tests.RabbitMq;

public sealed class RabbitMqBindingTests : IAsyncLifetime, IDisposable
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));
    private RabbitMqHarness _rabbit = null!;

    private CancellationToken Ct => _timeout.Token;

    public async Task InitializeAsync()
    {
        _rabbit = await RabbitMqHarness.StartAsync(Ct);
        await _rabbit.Broker.DeclareExchangeAsync(_rabbit.Exchange, Ct);
    }

    public Task DisposeAsync() => _rabbit.DisposeAsync().AsTask();

    public void Dispose() => _timeout.Dispose();

    [Fact]
    public async Task RabbitMq_ConsumerBoundToItsMunicipality_GetsItsEventsAndNotAnotherMunicipalitys()
    {
        var sundsvall = await _rabbit.Broker.BindExclusiveQueueAsync(_rabbit.Exchange, "2281.#", Ct);
        var stockholm = await _rabbit.Broker.BindExclusiveQueueAsync(_rabbit.Exchange, "0180.#", Ct);

        Assert.Equal(DeliveryOutcome.Delivered, await _rabbit.DeliverAsync(Examples.Load(Examples.Opened), Ct));
        Assert.Equal(DeliveryOutcome.Delivered, await _rabbit.DeliverAsync(Examples.Load(Examples.DecidedInStockholm), Ct));

        // Confirmed means routed: whatever a queue will get, it has by now.
        Assert.Equal(["oep-48213-submitted"], (await _rabbit.Broker.TakeAllAsync(sundsvall, Ct)).Select(m => m.BasicProperties.MessageId));
        Assert.Equal(["oep-0180-90311-placering"], (await _rabbit.Broker.TakeAllAsync(stockholm, Ct)).Select(m => m.BasicProperties.MessageId));
    }

    [Fact]
    public async Task RabbitMq_ConsumerBoundToOneEventType_GetsOnlyThatType()
    {
        var decisions = await _rabbit.Broker.BindExclusiveQueueAsync(_rabbit.Exchange, "*.*.decided", Ct);

        await _rabbit.DeliverAsync(Examples.Load(Examples.Opened), Ct);
        await _rabbit.DeliverAsync(Examples.Load(Examples.DecidedInStockholm), Ct);

        var message = Assert.Single(await _rabbit.Broker.TakeAllAsync(decisions, Ct));
        Assert.Equal("0180.forskoleplats.decided", message.RoutingKey);
    }

    [Fact]
    public async Task RabbitMq_EventOfACaseTheHubDoesNotKnow_IsRoutedAsOkand()
    {
        var unknown = await _rabbit.Broker.BindExclusiveQueueAsync(_rabbit.Exchange, "2281.okand.*", Ct);
        var request = TestRequests.RabbitMq(_rabbit.Exchange, Examples.Load(Examples.Opened)) with { Case = null };

        Assert.Equal(DeliveryOutcome.Delivered, await _rabbit.Channel.DeliverAsync(request, Ct));

        var message = Assert.Single(await _rabbit.Broker.TakeAllAsync(unknown, Ct));
        Assert.Equal("2281.okand.opened", message.RoutingKey);
    }
}
