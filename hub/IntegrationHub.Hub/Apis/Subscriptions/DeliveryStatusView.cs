using IntegrationHub.Store.Deliveries;
using IntegrationHub.Store.Subscriptions;

namespace IntegrationHub.Hub.Apis.Subscriptions;

/// <summary>
/// How a push subscription's deliveries stand: counts per state, the circuit of a webhook's endpoint (closed, open,
/// half-open), the deliveries now failing with their last error and next attempt, and those dead-lettered.
/// </summary>
public sealed record DeliveryStatusView(
    Guid SubscriptionId,
    string Channel,
    SubscriptionStatus Status,
    DeliveryCounts Counts,
    string? Circuit,
    IReadOnlyList<Store.Deliveries.Delivery> Failing,
    IReadOnlyList<Store.Deliveries.Delivery> DeadLettered);
