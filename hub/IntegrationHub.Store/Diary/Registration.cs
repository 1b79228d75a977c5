using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Store.Diary;

/// <summary>
/// One registration (diarieföring) in a hub diary, with what OSL 5 kap. 2 § requires: the date the
/// document came in or was drawn up, the diarienummer (and the document's löpnummer in the case),
/// the sender or recipient, and in brief what it concerns.
/// </summary>
public sealed record Registration
{
    /// <summary>The registration's id.</summary>
    public required Guid Id { get; init; }
    /// <summary>Kommunkod.</summary>
    public required string Municipality { get; init; }
    /// <summary>The diary's code, e.g. KS.</summary>
    public required string Diary { get; init; }
    /// <summary>The hub case.</summary>
    public required Guid CaseId { get; init; }
    /// <summary>The case's diarienummer as formatted, e.g. "KS 2026/123".</summary>
    public required string Diarienummer { get; init; }
    /// <summary>The diarienummer's year.</summary>
    public required int Year { get; init; }
    /// <summary>The diarienummer's running number within diary and year.</summary>
    public required int RunningNumber { get; init; }
    /// <summary>Case or document.</summary>
    public required RegistrationKind Kind { get; init; }
    /// <summary>The document's löpnummer within the case (1, 2, …); null for the case registration.</summary>
    public int? DocumentNumber { get; init; }
    /// <summary>The event that caused the registration, if any.</summary>
    public long? EventSequence { get; init; }
    /// <summary>When the hub registered it.</summary>
    public required DateTimeOffset RegisteredAt { get; init; }
    /// <summary>The date the document came in, was drawn up or was sent (Swedish date).</summary>
    public required DateOnly DocumentDate { get; init; }
    /// <summary>Inkommen, upprättad or expedierad; null for the case registration.</summary>
    public DocumentDirection? Direction { get; init; }
    /// <summary>Sender (inkommen) or recipient(s) (expedierad), as text. Withheld in the public diary when restricted.</summary>
    public string? Correspondent { get; init; }
    /// <summary>In brief what it concerns (ärendemening or document title). Withheld in the public diary when restricted.</summary>
    public required string Description { get; init; }
    /// <summary>Handlingstyp.</summary>
    public string? DocumentType { get; init; }
    /// <summary>The sekretessmarkering, if any.</summary>
    public RegistrationRestriction? Restriction { get; init; }
    /// <summary>Active or annulled.</summary>
    public required RegistrationStatus Status { get; init; }
    /// <summary>Why it was annulled.</summary>
    public string? AnnulmentReason { get; init; }
    /// <summary>1 when registered, +1 per correction or annulment.</summary>
    public required int Version { get; init; }
}
