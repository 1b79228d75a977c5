namespace IntegrationHub.Hub.Delivery;

/// <summary>Bus message: deliver the event at <paramref name="Sequence"/> to the push subscription <paramref name="SubscriptionId"/>.</summary>
public sealed record DeliverEvent(Guid SubscriptionId, long Sequence);
