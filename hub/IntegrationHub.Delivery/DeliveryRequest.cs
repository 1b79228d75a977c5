using IntegrationHub.Store;
using IntegrationHub.Store.Subscriptions;

namespace IntegrationHub.Delivery;

/// <summary>
/// What to deliver: the event as stored (with its sequence), the subscription, the hub's record of the case, and the
/// municipality's name as configured (<c>Hub:Municipalities:{kommunkod}:Name</c>), for what citizens read.
/// </summary>
public sealed record DeliveryRequest(Subscription Subscription, StoredEvent Event, CaseRecord? Case, string? MunicipalityName = null);
