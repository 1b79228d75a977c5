using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Store.Review;

/// <summary>
/// One entry of the registrator's inbox: an automatic registration (e.g. a mail to a function mailbox) with its
/// numbers, routing and flags. Sender and subject live on the event (<see cref="Event"/>), not here.
/// </summary>
public sealed record ReviewItem
{
    /// <summary>The event that asked for review; the item's key.</summary>
    public required long EventSequence { get; init; }
    /// <summary>Kommunkod.</summary>
    public required string Municipality { get; init; }
    /// <summary>The hub case the event belongs to.</summary>
    public required Guid CaseId { get; init; }
    /// <summary>The hub diary that registered it, if any.</summary>
    public string? Diary { get; init; }
    /// <summary>The diarienummer it was registered under.</summary>
    public string? Diarienummer { get; init; }
    /// <summary>The document's löpnummer.</summary>
    public int? DocumentNumber { get; init; }
    /// <summary>The unit it was routed to.</summary>
    public string? UnitId { get; init; }
    /// <summary>The unit's name.</summary>
    public string? UnitName { get; init; }
    /// <summary>The case type it was routed to.</summary>
    public string? CaseType { get; init; }
    /// <summary>Why it needs a look.</summary>
    public required IReadOnlyList<ReviewReason> Reasons { get; init; }
    /// <summary>Where it arrived.</summary>
    public string? ReceivedVia { get; init; }
    /// <summary>How it was routed.</summary>
    public string? Routing { get; init; }
    /// <summary>A note from the source.</summary>
    public string? Note { get; init; }
    /// <summary>The event's classification.</summary>
    public required DataClassification Classification { get; init; }
    /// <summary>When the hub received the event.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }
    /// <summary>Where it stands.</summary>
    public required ReviewState State { get; init; }
    /// <summary>A sekretessmarkering was added in review.</summary>
    public bool Restricted { get; init; }
    /// <summary>The case it was registered on instead (state linked).</summary>
    public Guid? LinkedCaseId { get; init; }
    /// <summary>When it was confirmed, annulled or linked.</summary>
    public DateTimeOffset? DecidedAt { get; init; }
    /// <summary>By whom.</summary>
    public string? DecidedBy { get; init; }
    /// <summary>1 when added, +1 per action; actions name the version they expect.</summary>
    public required int Version { get; init; }
    /// <summary>The event, when read for a list or page.</summary>
    public StoredEvent? Event { get; init; }
}
