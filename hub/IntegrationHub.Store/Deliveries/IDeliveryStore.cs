namespace IntegrationHub.Store.Deliveries;

/// <summary>
/// Deliveries of events to push subscriptions. Dispatching happens in a store session so that the delivery rows, the
/// cursor and the bus messages that start the deliveries commit together; the attempts' bookkeeping happens in short
/// transactions of its own, so no network call ever runs inside a database transaction.
/// </summary>
public interface IDeliveryStore
{
    /// <summary>Reads the subscription's dispatch cursor in <paramref name="session"/>, locking it against other dispatchers until commit; null when the subscription is gone.</summary>
    Task<DispatchCursor?> LockCursorAsync(IStoreSession session, Guid subscriptionId, CancellationToken cancellationToken);

    /// <summary>How many deliveries of the subscription are open (pending or failing), read without locking anything.</summary>
    Task<int> CountOpenAsync(Guid subscriptionId, CancellationToken cancellationToken);

    /// <summary>Adds pending deliveries (an existing one for the same subscription and sequence is left as it is) and moves the cursor.</summary>
    Task DispatchAsync(IStoreSession session, Guid subscriptionId, IReadOnlyList<Delivery> deliveries, long dispatchedThrough, CancellationToken cancellationToken);

    /// <summary>One delivery.</summary>
    Task<Delivery?> GetAsync(Guid subscriptionId, long sequence, CancellationToken cancellationToken);

    /// <summary>The earliest open (pending or failing) delivery of the same case before <paramref name="sequence"/>, if any.</summary>
    Task<Delivery?> GetOpenPredecessorAsync(Guid subscriptionId, Guid caseId, long sequence, CancellationToken cancellationToken);

    /// <summary>Writes a delivery's new state (after an attempt, a replay or a skip).</summary>
    Task UpdateAsync(Delivery delivery, CancellationToken cancellationToken);

    /// <summary>Writes a delivery's new state in <paramref name="session"/>, e.g. together with the message that retries it.</summary>
    Task UpdateAsync(IStoreSession session, Delivery delivery, CancellationToken cancellationToken);

    /// <summary>How many deliveries are in each state.</summary>
    Task<DeliveryCounts> CountAsync(Guid subscriptionId, CancellationToken cancellationToken);

    /// <summary>Deliveries in the given states, oldest first.</summary>
    Task<IReadOnlyList<Delivery>> ListAsync(Guid subscriptionId, IReadOnlyCollection<DeliveryState> states, int limit, CancellationToken cancellationToken);
}
