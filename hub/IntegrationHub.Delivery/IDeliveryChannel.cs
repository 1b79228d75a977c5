using IntegrationHub.Store.Subscriptions;

namespace IntegrationHub.Delivery;

/// <summary>
/// One way of pushing an event to a subscriber (the outbound side). A channel makes one attempt and says how it went;
/// retries, backoff, dead-lettering and idempotency are the hub's (Rebus deferral and the delivery records), so a
/// channel never retries on its own beyond what its endpoint's resilience pipeline does within one attempt.
/// </summary>
public interface IDeliveryChannel
{
    /// <summary>The channel kind this implementation serves.</summary>
    DeliveryChannelKind Kind { get; }

    /// <summary>Makes one attempt to deliver the event; never throws for a failure of the subscriber's side.</summary>
    Task<DeliveryOutcome> DeliverAsync(DeliveryRequest request, CancellationToken cancellationToken);
}
