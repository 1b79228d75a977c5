using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Store;

/// <summary>
/// What one event says about its case. The case is found through its source ids (a new case gets the
/// event's source id as its first link). Non-null fields overwrite the stored ones only when
/// <see cref="Sequence"/> is newer than the case's last applied sequence, so replaying an event is
/// harmless — except the diarienummer, which is only ever set on a case that has none. Classification
/// only ever rises.
/// </summary>
public sealed record CaseUpsert
{
    /// <summary>The event's sequence.</summary>
    public required long Sequence { get; init; }
    /// <summary>Kommunkod.</summary>
    public required string Municipality { get; init; }
    /// <summary>The case as the event describes it.</summary>
    public required CaseRef Case { get; init; }
    /// <summary>Status after the event (may be derived from the event type).</summary>
    public CaseStatus? Status { get; init; }
    /// <summary>The event's classification.</summary>
    public required DataClassification Classification { get; init; }
    /// <summary>When the event happened.</summary>
    public required DateTimeOffset OccurredAt { get; init; }
}
