namespace IntegrationHub.Store.Review;

/// <summary>The registrator's inbox.</summary>
public interface IReviewStore
{
    /// <summary>Adds the item in the session's transaction; nothing happens when the event already has one.</summary>
    Task AddAsync(IStoreSession session, ReviewItem item, CancellationToken cancellationToken);

    /// <summary>The item with its event, or null.</summary>
    Task<ReviewItem?> GetAsync(long eventSequence, CancellationToken cancellationToken);

    /// <summary>The item read in the session, locked against other writers until commit.</summary>
    Task<ReviewItem?> LockAsync(IStoreSession session, long eventSequence, CancellationToken cancellationToken);

    /// <summary>Writes the item's new state (version + 1) and the action, in the session; false when the version moved on.</summary>
    Task<bool> UpdateAsync(IStoreSession session, ReviewItem item, int expectedVersion, ReviewAction action, CancellationToken cancellationToken);

    /// <summary>Items matching the query, newest first, with their events.</summary>
    Task<IReadOnlyList<ReviewItem>> ListAsync(ReviewQuery query, CancellationToken cancellationToken);

    /// <summary>The item's actions, oldest first.</summary>
    Task<IReadOnlyList<ReviewAction>> GetActionsAsync(long eventSequence, CancellationToken cancellationToken);
}
