using IntegrationHub.Store;
using IntegrationHub.Store.Subscriptions;

namespace IntegrationHub.Delivery;

/// <summary>What to deliver: the event as stored (with its sequence), the subscription and the hub's record of the case.</summary>
public sealed record DeliveryRequest(Subscription Subscription, StoredEvent Event, CaseRecord? Case);
