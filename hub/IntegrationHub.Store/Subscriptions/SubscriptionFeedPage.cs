namespace IntegrationHub.Store.Subscriptions;

/// <summary>Matching events in sequence order, and the cursor to continue from (past non-matching events too).</summary>
public sealed record SubscriptionFeedPage(IReadOnlyList<StoredEvent> Events, long LastSequence);
