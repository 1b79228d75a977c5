using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Adapters.Abstractions;

/// <summary>
/// The source side of a polling adapter (EDP Future, Platina, an FGS folder, …): it reads what changed in its system
/// after a checkpoint and maps it to canonical events. The hub's poller stores the events, and only then stores the
/// batch's <see cref="SourceBatch.Checkpoint"/> and calls <see cref="AcknowledgeAsync"/>; after a failure it asks again
/// from the old checkpoint, so a source must return the same events (same source and id) for the same checkpoint, and
/// the hub drops the ones it already has. A source keeps no position of its own in memory.
/// </summary>
public interface ICaseEventSource
{
    /// <summary>Unique and stable, e.g. "edpfuture/sundsvall"; names the checkpoint and the health entry.</summary>
    string Name { get; }

    /// <summary>
    /// The next batch after <paramref name="checkpoint"/> (null: from the start the source was configured with).
    /// Throws <see cref="SourceUnavailableException"/> when the far side cannot be read now (the poll is retried
    /// later) and <see cref="OperationCanceledException"/> when cancelled; never returns a partial batch.
    /// </summary>
    Task<SourceBatch> ReceiveAsync(string? checkpoint, CancellationToken cancellationToken);

    /// <summary>
    /// Called after the hub stored the batch and its checkpoint: the place to tell the far side (move a file, confirm a
    /// delivery). Must be idempotent; a failure here is logged and retried with the next batch, never loses events.
    /// </summary>
    Task AcknowledgeAsync(SourceBatch batch, CancellationToken cancellationToken);
}

/// <summary>What one receive returned.</summary>
/// <param name="Events">The canonical events, oldest first (may be empty).</param>
/// <param name="Checkpoint">The position after these events, stored once they are accepted (unchanged when nothing new).</param>
/// <param name="More">True when the source has more after this batch, so the poller asks again at once.</param>
/// <param name="Token">What <see cref="ICaseEventSource.AcknowledgeAsync"/> needs to acknowledge (e.g. the file's path); opaque to the hub.</param>
public sealed record SourceBatch(IReadOnlyList<CaseEvent> Events, string? Checkpoint, bool More = false, string? Token = null)
{
    /// <summary>Nothing new: the checkpoint stays.</summary>
    public static SourceBatch Empty(string? checkpoint) => new([], checkpoint);
}

/// <summary>The far side could not be read now (down, timing out, refusing); the poll is retried later.</summary>
public sealed class SourceUnavailableException : Exception
{
    public SourceUnavailableException()
    {
    }

    public SourceUnavailableException(string message) : base(message)
    {
    }

    public SourceUnavailableException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
