using IntegrationHub.Delivery.Tests.Support;

namespace IntegrationHub.Delivery.Tests.Contract;

/// <summary>
/// What every delivery channel promises a subscriber, whatever the transport. A channel gets the whole suite with a
/// one-line subclass naming its fixture. xUnit makes a new instance, hence a new fixture and receiver, per test.
/// </summary>
public abstract class DeliveryChannelContract<TFixture> : IAsyncLifetime, IDisposable
    where TFixture : IDeliveryChannelFixture, new()
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));

    protected TFixture Fixture { get; } = new();

    protected CancellationToken Ct => _timeout.Token;

    public Task InitializeAsync() => Fixture.InitializeAsync(Ct);

    public Task DisposeAsync() => Fixture.DisposeAsync().AsTask();

    public void Dispose() => _timeout.Dispose();

    [Fact]
    public async Task Deliver_ValidEvent_EachRecipientGetsExactlyOneMessageCarryingTheEventsId()
    {
        var delivery = await Fixture.PrepareAsync(Examples.Load(Examples.Opened), Ct);

        var outcome = await Fixture.Channel.DeliverAsync(delivery.Request, Ct);

        Assert.Equal(DeliveryOutcome.Delivered, outcome);
        var received = await Fixture.ReceiveAsync(delivery.Recipients.Count, Ct);
        Assert.Equal(delivery.Recipients.Order(StringComparer.Ordinal), received.Select(m => m.Recipient).Order(StringComparer.Ordinal));
        Assert.All(received, m => Assert.False(string.IsNullOrWhiteSpace(m.Id), "A message carries no id a subscriber could recognise it by."));
        if (Fixture.CarriedId(delivery.Request.Event.Event) is { } id)
        {
            Assert.All(received, m => Assert.Equal(id, m.Id));
        }
    }

    [Fact]
    public async Task Kind_IsTheKindOfTheSubscriptionsItServes()
    {
        var delivery = await Fixture.PrepareAsync(Examples.Load(Examples.Opened), Ct);

        Assert.Equal(delivery.Request.Subscription.Channel.Kind, Fixture.Channel.Kind);
    }

    [Fact]
    public async Task Deliver_SameEventTwice_ReceiverGetsTwoMessagesWithTheSameId()
    {
        var delivery = await Fixture.PrepareAsync(Examples.Load(Examples.Opened), Ct);

        Assert.True((await Fixture.Channel.DeliverAsync(delivery.Request, Ct)).Succeeded);
        Assert.True((await Fixture.Channel.DeliverAsync(delivery.Request, Ct)).Succeeded);

        var received = await Fixture.ReceiveAsync(2 * delivery.Recipients.Count, Ct);
        Assert.Equal(2 * delivery.Recipients.Count, received.Count);
        Assert.All(received.GroupBy(m => m.Recipient), twice =>
        {
            Assert.Equal(2, twice.Count());
            Assert.Single(twice.Select(m => m.Id).Distinct());
        });
    }

    [Fact]
    public async Task Deliver_TwoDifferentEvents_ReceiverTellsThemApartById()
    {
        var first = await Fixture.PrepareAsync(Examples.Load(Examples.Opened), Ct);
        var opened = first.Request.Event.Event;
        var second = first.Request with { Event = first.Request.Event with { Sequence = 2, Event = opened with { Id = opened.Id + "-2" } } };

        Assert.True((await Fixture.Channel.DeliverAsync(first.Request, Ct)).Succeeded);
        Assert.True((await Fixture.Channel.DeliverAsync(second, Ct)).Succeeded);

        var received = await Fixture.ReceiveAsync(2 * first.Recipients.Count, Ct);
        Assert.All(received.GroupBy(m => m.Recipient), both => Assert.Equal(2, both.Select(m => m.Id).Distinct().Count()));
    }

    [Fact]
    public async Task Deliver_ReceiverUnreachable_ReturnsTransientFailureAnAdministratorUnderstands()
    {
        await Fixture.MakeReceiverUnreachableAsync(Ct);
        var delivery = await Fixture.PrepareAsync(Examples.Load(Examples.Opened), Ct);

        var outcome = await Fixture.Channel.DeliverAsync(delivery.Request, Ct);

        Assert.False(outcome.Succeeded);
        Assert.False(outcome.Permanent, $"An unreachable receiver is worth another attempt: {outcome.Error}");
        Assert.False(outcome.Skipped);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Error));
        // One sentence for a status page: no stack trace, no exception dump.
        Assert.DoesNotContain('\n', outcome.Error);
        Assert.DoesNotContain(" at ", outcome.Error, StringComparison.Ordinal);
        Assert.InRange(outcome.Error.Length, 10, 300);
        Assert.EndsWith(".", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deliver_ReceiverUnreachable_ErrorTextHoldsNoPersonalDataOrCaseDetails()
    {
        await Fixture.MakeReceiverUnreachableAsync(Ct);
        var delivery = await Fixture.PrepareAsync(Examples.Load(Examples.Opened), Ct);

        var outcome = await Fixture.Channel.DeliverAsync(delivery.Request, Ct);

        Assert.False(outcome.Succeeded);
        PersonalData.AssertAbsent(delivery.Request.Event.Event, outcome.Error, "error text");
        foreach (var recipient in delivery.Recipients.Where(r => r.Contains('@', StringComparison.Ordinal)))
        {
            Assert.DoesNotContain(recipient, outcome.Error, StringComparison.OrdinalIgnoreCase);
        }
    }
}
