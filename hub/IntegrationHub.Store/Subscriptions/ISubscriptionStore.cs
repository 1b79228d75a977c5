namespace IntegrationHub.Store.Subscriptions;

/// <summary>Subscriptions and their feeds.</summary>
public interface ISubscriptionStore
{
    /// <summary>Stores a new subscription.</summary>
    Task CreateAsync(Subscription subscription, CancellationToken cancellationToken);

    /// <summary>One subscription, also a deleted one's absence as null.</summary>
    Task<Subscription?> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The subscriptions of a municipality, oldest first.</summary>
    Task<IReadOnlyList<Subscription>> ListAsync(string municipality, CancellationToken cancellationToken);

    /// <summary>
    /// The active subscriptions of every municipality whose channel pushes (webhook, RabbitMQ, e-mail) and whose
    /// events are dispatched only up to a sequence before <paramref name="dispatchedBefore"/>.
    /// </summary>
    Task<IReadOnlyList<Subscription>> ListActivePushAsync(long dispatchedBefore, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces name, filter, channel and status when the stored version is <paramref name="expectedVersion"/>;
    /// returns the stored subscription (version + 1), or null when the version did not match or it is gone. A feed
    /// subscription given a push channel is pushed the events from then on, not its whole past.
    /// </summary>
    Task<Subscription?> UpdateAsync(Subscription subscription, int expectedVersion, CancellationToken cancellationToken);

    /// <summary>Deletes it and its delivery records; false when there was none.</summary>
    Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>
    /// The next events of the subscription's municipality after <paramref name="afterSequence"/> that match its
    /// filter: event type, the case's case type and unit, classification at or below the ceiling. Only events the
    /// pipeline has already correlated with their case are served, and the cursor never passes an uncorrelated
    /// one, so a subscriber never skips an event. <see cref="SubscriptionFeedPage.LastSequence"/> may move past
    /// non-matching events.
    /// </summary>
    Task<SubscriptionFeedPage> ReadFeedAsync(Subscription subscription, long afterSequence, int limit, CancellationToken cancellationToken);

    /// <summary>The sequence just before the first event received at or after <paramref name="receivedAt"/> (for a backfill from a time).</summary>
    Task<long> SequenceBeforeAsync(DateTimeOffset receivedAt, CancellationToken cancellationToken);
}
