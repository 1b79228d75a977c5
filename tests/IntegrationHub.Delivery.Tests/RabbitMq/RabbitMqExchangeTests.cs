using IntegrationHub.Delivery.Tests.Support;
using RabbitMQ.Client;

namespace IntegrationHub.Delivery.Tests.RabbitMq;

public sealed class RabbitMqExchangeTests : IAsyncLifetime, IDisposable
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));
    private RabbitMqHarness _rabbit = null!;

    private CancellationToken Ct => _timeout.Token;

    public async Task InitializeAsync() => _rabbit = await RabbitMqHarness.StartAsync(Ct);

    public Task DisposeAsync() => _rabbit.DisposeAsync().AsTask();

    public void Dispose() => _timeout.Dispose();

    [Fact]
    public async Task RabbitMq_MissingExchange_IsDeclaredAsDurableTopicExchange()
    {
        Assert.False(await _rabbit.Broker.IsDurableTopicExchangeAsync(_rabbit.Exchange, Ct), "The exchange existed before the test.");

        var outcome = await _rabbit.DeliverAsync(Examples.Load(Examples.Opened), Ct);

        Assert.Equal(DeliveryOutcome.Delivered, outcome);
        Assert.True(await _rabbit.Broker.IsDurableTopicExchangeAsync(_rabbit.Exchange, Ct));
    }

    [Fact]
    public async Task RabbitMq_ExchangeOfAnotherType_IsRejectedPermanentlyNamingTheExchange()
    {
        await _rabbit.Broker.DeclareExchangeAsync(_rabbit.Exchange, ExchangeType.Fanout, Ct);

        var outcome = await _rabbit.DeliverAsync(Examples.Load(Examples.Opened), Ct);

        Assert.False(outcome.Succeeded);
        Assert.True(outcome.Permanent, outcome.Error);
        Assert.Contains($"'{_rabbit.Exchange}'", outcome.Error, StringComparison.Ordinal);
        PersonalData.AssertAbsent(Examples.Load(Examples.Opened), outcome.Error, "error text");
    }

    [Fact]
    public async Task RabbitMq_AfterTheBrokerClosedTheChannel_TheNextPublishSucceeds()
    {
        await _rabbit.Broker.DeclareExchangeAsync(_rabbit.Exchange, ExchangeType.Fanout, Ct);
        Assert.True((await _rabbit.DeliverAsync(Examples.Load(Examples.Opened), Ct)).Permanent);
        var other = _rabbit.Broker.NewExchangeName();
        await _rabbit.Broker.DeclareExchangeAsync(other, Ct);
        var queue = await _rabbit.Broker.BindExclusiveQueueAsync(other, "#", Ct);

        var outcome = await _rabbit.Channel.DeliverAsync(TestRequests.RabbitMq(other, Examples.Load(Examples.Opened)), Ct);

        Assert.Equal(DeliveryOutcome.Delivered, outcome);
        Assert.Single(await _rabbit.Broker.TakeAllAsync(queue, Ct));
    }

    [Fact]
    public async Task RabbitMq_ExchangeDeletedAfterwards_IsDeclaredAgainByTheNextAttempt()
    {
        Assert.Equal(DeliveryOutcome.Delivered, await _rabbit.DeliverAsync(Examples.Load(Examples.Opened), Ct));
        await _rabbit.Broker.DeleteExchangeAsync(_rabbit.Exchange, Ct);

        var outcomes = new List<DeliveryOutcome>();
        var outcome = await Eventually.Until(
            async () =>
            {
                outcomes.Add(await _rabbit.DeliverAsync(Examples.Load(Examples.Opened), Ct));
                return outcomes[^1];
            },
            o => o.Succeeded,
            "a delivery to succeed after the exchange was deleted",
            TimeSpan.FromSeconds(10),
            Ct);

        Assert.Equal(DeliveryOutcome.Delivered, outcome);
        Assert.True(outcomes.Count <= 2, $"It took {outcomes.Count} attempts: {string.Join(" | ", outcomes.Select(o => o.Error))}");
        Assert.All(outcomes.SkipLast(1), o => Assert.False(o.Permanent, o.Error));
        Assert.True(await _rabbit.Broker.IsDurableTopicExchangeAsync(_rabbit.Exchange, Ct));
    }

    [Fact]
    public async Task RabbitMq_BrokerNameNotConfigured_IsTransientNamingTheSettingToAdd()
    {
        var outcome = await _rabbit.DeliverAsync(Examples.Load(Examples.Opened), Ct, broker: "kommunens-mq");

        Assert.False(outcome.Succeeded);
        Assert.False(outcome.Permanent);
        Assert.Contains("Hub:Delivery:RabbitMq:Brokers:kommunens-mq:Uri", outcome.Error, StringComparison.Ordinal);
    }
}
