using IntegrationHub.Hub.Pipeline;
using IntegrationHub.Store;
using IntegrationHub.Store.Deliveries;
using DeliveryRecord = IntegrationHub.Store.Deliveries.Delivery;
using IntegrationHub.Store.Subscriptions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rebus.ServiceProvider;
using Rebus.Transport;

namespace IntegrationHub.Hub.Delivery;

/// <summary>
/// Hands each push subscription's matching events to the delivery queue, in sequence order, from its cursor. The delivery
/// rows, the moved cursor and the <see cref="DeliverEvent"/> messages commit in one transaction, so an event is queued
/// for a subscriber exactly once. A subscription never has more than <see cref="DeliveryOptions.MaxOpenPerSubscription"/>
/// deliveries open: a backfill of years of history advances only as fast as its subscriber takes it, and a failing
/// subscriber holds only its own few places in the queue. Several hub processes may run this: the cursor row is locked
/// while it moves.
/// </summary>
public sealed class DeliveryDispatcher(
    IHubStore store,
    ISubscriptionStore subscriptions,
    IDeliveryStore deliveries,
    IPipelineTransactions transactions,
    IBusRegistry buses,
    DeliverySignal signal,
    IOptions<DeliveryOptions> options,
    TimeProvider timeProvider,
    ILogger<DeliveryDispatcher> logger) : BackgroundService
{
    /// <summary>Events dispatched to one subscription per round at most, so every subscription gets its turn.</summary>
    public const int RoundBatch = 100;

    /// <summary>One round over every push subscription with undispatched events; how many deliveries were queued.</summary>
    public async Task<int> DispatchRoundAsync(CancellationToken cancellationToken)
    {
        var last = await store.GetLastSequenceAsync(cancellationToken);
        var queued = 0;
        foreach (var subscription in await subscriptions.ListActivePushAsync(last, cancellationToken))
        {
            try
            {
                queued += await DispatchAsync(subscription, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One subscription's trouble (e.g. a lock timeout) must not stop the others; the next round tries again.
                logger.LogWarning(e, "Dispatching to subscription {SubscriptionId} failed; it is retried in the next round", subscription.Id);
            }
        }

        return queued;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await DispatchRoundAsync(stoppingToken) > 0)
                {
                    continue;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "A dispatch round failed; retrying in {Interval}", settings.PollInterval);
            }

            try
            {
                await signal.WaitAsync(settings.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<int> DispatchAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        // A plain read first: a subscription whose share of the queue is full must not take the write lock for nothing.
        if (await deliveries.CountOpenAsync(subscription.Id, cancellationToken) >= options.Value.MaxOpenPerSubscription)
        {
            return 0;
        }

        await using var session = await store.BeginAsync(cancellationToken);
        if (await deliveries.LockCursorAsync(session, subscription.Id, cancellationToken) is not { } cursor)
        {
            return 0;
        }

        var room = Math.Min(options.Value.MaxOpenPerSubscription - cursor.Open, RoundBatch);
        if (room <= 0)
        {
            return 0;
        }

        var page = await subscriptions.ReadFeedAsync(subscription, cursor.DispatchedThrough, room, cancellationToken);
        if (page.LastSequence <= cursor.DispatchedThrough)
        {
            return 0;
        }

        var now = timeProvider.GetUtcNow();
        var rows = page.Events.Select(e => new DeliveryRecord
        {
            SubscriptionId = subscription.Id,
            Sequence = e.Sequence,
            EventId = e.Event.Id,
            CaseId = e.CaseId,
            State = DeliveryState.Pending,
            CreatedAt = now,
        }).ToList();
        var bus = buses.GetBus(DeliveryBus.Key);
        using (var scope = new RebusTransactionScope())
        {
            transactions.Enlist(scope, session);
            await deliveries.DispatchAsync(session, subscription.Id, rows, page.LastSequence, cancellationToken);
            foreach (var row in rows)
            {
                var message = new DeliverEvent(subscription.Id, row.Sequence);
                await bus.SendLocal(message, DeliveryBus.Headers(message));
            }

            await scope.CompleteAsync();
        }

        await session.CommitAsync(cancellationToken);
        if (rows.Count > 0)
        {
            logger.LogDebug("Queued {Count} deliveries for subscription {SubscriptionId} up to sequence {Sequence}", rows.Count, subscription.Id, page.LastSequence);
        }

        // A moved cursor with nothing queued (only non-matching events) also counts as progress worth another round.
        return Math.Max(rows.Count, 1);
    }
}
