namespace IntegrationHub.Store.Deliveries;

/// <summary>How many of a subscription's deliveries are in each state.</summary>
public sealed record DeliveryCounts(long Pending, long Failing, long Delivered, long Skipped, long DeadLettered);
