using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Adapters.Abstractions;

/// <summary>
/// The outbound side of an adapter (e.g. "send the sender a receipt", "create the case in Platina"). The hub delivers
/// the events the sink asks for through its delivery machinery: one subscription per sink, at-least-once, retried with
/// backoff, dead-lettered and replayable like any subscriber. So <see cref="HandleAsync"/> must be idempotent (use the
/// event's source and id) and makes one attempt only.
/// </summary>
public interface ICaseEventSink
{
    /// <summary>Unique and stable, e.g. "mailbox-receipts/kommunen"; names the sink's subscription.</summary>
    string Name { get; }

    /// <summary>Which events the sink receives.</summary>
    CaseEventSinkFilter Filter { get; }

    /// <summary>Makes one attempt; never throws for a failure of the far side (return a failed result).</summary>
    Task<SinkResult> HandleAsync(SinkEvent sinkEvent, CancellationToken cancellationToken);
}

/// <summary>Which events a sink receives: one municipality's, from the given CloudEvents sources and of the given types (empty: all).</summary>
public sealed record CaseEventSinkFilter(string Municipality, IReadOnlyList<string> Sources, IReadOnlyList<string> EventTypes);

/// <summary>An event as the hub stored and processed it: correlated with its case and registered in the diary.</summary>
/// <param name="Sequence">Its position in the hub's event log.</param>
/// <param name="Event">The canonical event as received.</param>
/// <param name="CaseId">The hub case.</param>
/// <param name="Diarienummer">The case's diarienummer, once it has one.</param>
/// <param name="DocumentNumber">The document's löpnummer in the case, when the event registered a document.</param>
public sealed record SinkEvent(long Sequence, CaseEvent Event, Guid CaseId, string? Diarienummer, int? DocumentNumber);

/// <summary>How one attempt went.</summary>
/// <param name="Outcome">Done, skipped, or failed (transient or permanent).</param>
/// <param name="Detail">Why (for an administrator; never personal data).</param>
/// <param name="RetryAfter">The earliest retry the far side asked for.</param>
public sealed record SinkResult(SinkOutcome Outcome, string? Detail = null, TimeSpan? RetryAfter = null)
{
    /// <summary>Done.</summary>
    public static SinkResult Done { get; } = new(SinkOutcome.Done);

    /// <summary>Nothing to do for this event (counts as done).</summary>
    public static SinkResult Skipped(string reason) => new(SinkOutcome.Skipped, reason);

    /// <summary>Worth another attempt later.</summary>
    public static SinkResult Transient(string error, TimeSpan? retryAfter = null) => new(SinkOutcome.Transient, error, retryAfter);

    /// <summary>No retry can fix it: dead-letter at once.</summary>
    public static SinkResult Permanent(string error) => new(SinkOutcome.Permanent, error);
}

/// <summary>The outcome of a sink attempt.</summary>
public enum SinkOutcome
{
    /// <summary>Done.</summary>
    Done,
    /// <summary>Nothing to do; counts as done.</summary>
    Skipped,
    /// <summary>Failed; retry later.</summary>
    Transient,
    /// <summary>Failed; dead-letter.</summary>
    Permanent,
}
