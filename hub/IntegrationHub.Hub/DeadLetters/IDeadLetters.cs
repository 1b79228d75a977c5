namespace IntegrationHub.Hub.DeadLetters;

/// <summary>The bus's error queue, visible and replayable (each storage backend has its own).</summary>
public interface IDeadLetters
{
    /// <summary>The oldest dead letters first.</summary>
    Task<IReadOnlyList<DeadLetter>> ListAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Returns one dead letter to the queue it failed in; false when there is none with that id.</summary>
    Task<bool> ReplayAsync(long id, CancellationToken cancellationToken);

    /// <summary>Returns every dead letter to the queue it failed in; how many.</summary>
    Task<int> ReplayAllAsync(CancellationToken cancellationToken);

    /// <summary>Returns the dead letters that carry all the given headers with the given values; how many.</summary>
    Task<int> ReplayMatchingAsync(IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken);
}
