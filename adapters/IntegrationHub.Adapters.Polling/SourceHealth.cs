namespace IntegrationHub.Adapters.Polling;

/// <summary>
/// How one polled source is doing, kept in the hub's adapter state so every hub process (and the health API on any of
/// them) sees the same: the poll that ran last may have run on another process.
/// </summary>
/// <param name="LastAttemptAt">When a poll last started.</param>
/// <param name="LastSuccessAt">When a poll last read the source and stored what it returned.</param>
/// <param name="LastEventsAt">When a poll last stored at least one new event.</param>
/// <param name="ConsecutiveFailures">Failed polls since the last success.</param>
/// <param name="LastError">Why the last poll failed (for an administrator; never personal data), null after a success.</param>
/// <param name="Events">Events stored from this source in total (duplicates not counted).</param>
/// <param name="Checkpoint">The stored checkpoint, shortened, so an administrator can see it move.</param>
/// <param name="PolledBy">The process that polled last.</param>
public sealed record SourceHealth(
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? LastSuccessAt,
    DateTimeOffset? LastEventsAt,
    int ConsecutiveFailures,
    string? LastError,
    long Events,
    string? Checkpoint,
    string? PolledBy)
{
    /// <summary>Never polled.</summary>
    public static SourceHealth None { get; } = new(null, null, null, 0, null, 0, null, null);
}
