namespace IntegrationHub.Store.Deliveries;

/// <summary>How far a push subscription's events have been handed to the delivery queue, and how many are still open.</summary>
/// <param name="DispatchedThrough">The last sequence dispatched (or skipped as not matching).</param>
/// <param name="Open">Deliveries pending or failing: the subscriber's share of the delivery queue.</param>
public sealed record DispatchCursor(long DispatchedThrough, int Open);
