using IntegrationHub.Delivery;
using IntegrationHub.Hub.Municipalities;
using IntegrationHub.Hub.Pipeline;
using IntegrationHub.Store;
using IntegrationHub.Store.Deliveries;
using DeliveryRecord = IntegrationHub.Store.Deliveries.Delivery;
using IntegrationHub.Store.Subscriptions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rebus.Exceptions;
using Rebus.Handlers;
using Rebus.Pipeline;
using Rebus.ServiceProvider;
using Rebus.Transport;

namespace IntegrationHub.Hub.Delivery;

/// <summary>
/// Makes one delivery attempt through the subscription's channel and records how it went. A failure is retried through
/// Rebus deferral with exponential backoff and jitter, for hours, then dead-lettered into Rebus's error queue (and
/// replayable from there). Idempotent: a delivered event is never sent again, however often its message arrives; the
/// subscriber deduplicates the rare repeat after a crash by the CloudEvent id. A dead-lettered delivery whose message
/// comes back (a replay) starts its attempts afresh.
/// </summary>
public sealed class EventDeliveryHandler(
    ISubscriptionStore subscriptions,
    IDeliveryStore deliveries,
    IHubStore store,
    IEnumerable<IDeliveryChannel> channels,
    MunicipalityDirectory municipalities,
    IBusRegistry buses,
    IPipelineTransactions transactions,
    DeliverySignal signal,
    IOptions<DeliveryOptions> options,
    TimeProvider timeProvider,
    IMessageContext messageContext,
    ILogger<EventDeliveryHandler> logger) : IHandleMessages<DeliverEvent>
{
    private static readonly TimeSpan PausedRecheck = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan OrderRecheckMin = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan OrderRecheckMax = TimeSpan.FromMinutes(5);

    /// <inheritdoc />
    public async Task Handle(DeliverEvent message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var cancellationToken = messageContext.IncomingStepContext.Load<CancellationToken>();
        if (await subscriptions.GetAsync(message.SubscriptionId, cancellationToken) is not { } subscription
            || await deliveries.GetAsync(message.SubscriptionId, message.Sequence, cancellationToken) is not { } delivery
            || delivery.State is DeliveryState.Delivered or DeliveryState.Skipped)
        {
            return;
        }

        var now = timeProvider.GetUtcNow();
        if (delivery.State == DeliveryState.DeadLettered)
        {
            // Its message came back from the error queue: a replay, so the attempts start over.
            delivery = delivery with { State = DeliveryState.Pending, Attempts = 0, NextAttemptAt = null };
            await deliveries.UpdateAsync(delivery, cancellationToken);
        }

        if (subscription.Status == SubscriptionStatus.Paused)
        {
            await DeferAsync(message, PausedRecheck, cancellationToken);
            return;
        }

        if (!subscription.Channel.IsPush)
        {
            await FinishAsync(delivery with { State = DeliveryState.Skipped, LastError = "The subscription no longer pushes events (its channel is the feed)." }, cancellationToken);
            return;
        }

        if (await store.GetEventAsync(message.Sequence, cancellationToken) is not { } stored || !Admits(subscription, stored))
        {
            await FinishAsync(delivery with { State = DeliveryState.Skipped, LastError = "The subscription's filter no longer lets this event through." }, cancellationToken);
            return;
        }

        if (subscription.Channel.OrderPerCase && delivery.CaseId is { } caseId
            && await deliveries.GetOpenPredecessorAsync(subscription.Id, caseId, delivery.Sequence, cancellationToken) is { } earlier)
        {
            var wait = earlier.NextAttemptAt is { } due ? due - now : OrderRecheckMin;
            await DeferAsync(message, wait < OrderRecheckMin ? OrderRecheckMin : wait > OrderRecheckMax ? OrderRecheckMax : wait, cancellationToken);
            return;
        }

        var channel = channels.FirstOrDefault(c => c.Kind == subscription.Channel.Kind)
            ?? throw new InvalidOperationException($"No delivery channel serves {subscription.Channel.Kind}.");
        var caseRecord = stored.CaseId is { } id ? await store.GetCaseAsync(id, cancellationToken) : null;
        var outcome = await channel.DeliverAsync(new DeliveryRequest(subscription, stored, caseRecord, municipalities.Name(subscription.Municipality)), cancellationToken);
        var attempted = delivery with { Attempts = delivery.Attempts + 1, LastAttemptAt = now };
        if (outcome.Succeeded)
        {
            await FinishAsync(attempted with
            {
                State = outcome.Skipped ? DeliveryState.Skipped : DeliveryState.Delivered,
                DeliveredAt = outcome.Skipped ? null : now,
                NextAttemptAt = null,
                LastError = outcome.Skipped ? outcome.Error : null,
            }, cancellationToken);
            return;
        }

        var settings = options.Value;
        if (!outcome.Permanent && attempted.Attempts < settings.MaxAttempts)
        {
            var delay = DeliveryBackoff.Next(attempted.Attempts, settings.FirstRetryDelay, settings.MaxRetryDelay, outcome.RetryAfter, Random.Shared);
            await DeferAsync(message, delay, cancellationToken,
                attempted with { State = DeliveryState.Failing, NextAttemptAt = now + delay, LastError = outcome.Error });
            logger.LogInformation("Delivery of event {Sequence} to subscription {SubscriptionId} failed (attempt {Attempt}); next attempt in {Delay}",
                delivery.Sequence, subscription.Id, attempted.Attempts, delay);
            return;
        }

        var reason = outcome.Permanent ? outcome.Error : $"{outcome.Error} Gave up after {attempted.Attempts} attempts.";
        await FinishAsync(attempted with { State = DeliveryState.DeadLettered, NextAttemptAt = null, LastError = reason }, cancellationToken);
        logger.LogWarning("Delivery of event {Sequence} to subscription {SubscriptionId} dead-lettered", delivery.Sequence, subscription.Id);
        throw new FailFastException($"Delivery of event {delivery.Sequence} to subscription {subscription.Id} was dead-lettered: {reason}");
    }

    private static bool Admits(Subscription subscription, StoredEvent stored)
    {
        // The filter may have changed since the event was dispatched; the ceiling in particular is never exceeded.
        var filter = subscription.Filter;
        return stored.Event.DataClassification <= filter.ClassificationCeiling
            && (filter.EventTypes.Count == 0 || filter.EventTypes.Contains(stored.Event.Type));
    }

    private async Task FinishAsync(DeliveryRecord delivery, CancellationToken cancellationToken)
    {
        await deliveries.UpdateAsync(delivery, cancellationToken);
        // A place in the subscription's share of the queue is free again.
        signal.Nudge();
    }

    /// <summary>
    /// Schedules the message again in a store transaction of its own (the transport's, through the backend's enlistment)
    /// rather than in the receive context: the delivery handler owns its transactions (lease mode on SQLite), and on
    /// PostgreSQL a send in the receive context would reach the outbox after its transaction had already committed.
    /// A failed attempt's record commits with the retry it announces.
    /// </summary>
    private async Task DeferAsync(DeliverEvent message, TimeSpan delay, CancellationToken cancellationToken, DeliveryRecord? record = null)
    {
        await using var session = await store.BeginAsync(cancellationToken);
        if (record is not null)
        {
            await deliveries.UpdateAsync(session, record, cancellationToken);
        }

        using (var scope = new RebusTransactionScope())
        {
            transactions.Enlist(scope, session);
            await buses.GetBus(DeliveryBus.Key).DeferLocal(delay, message, DeliveryBus.Headers(message));
            await scope.CompleteAsync();
        }

        await session.CommitAsync(cancellationToken);
    }
}
