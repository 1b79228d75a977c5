namespace IntegrationHub.Canonical.Model;

/// <summary>The case (ärende) an event belongs to, as the source system knows it.</summary>
public sealed record CaseRef
{
    /// <summary>The hub's id for the case, when the sender knows it.</summary>
    public Guid? HubCaseId { get; init; }
    /// <summary>The source system's key, e.g. <c>edp-future</c>.</summary>
    public required string SourceSystem { get; init; }
    /// <summary>The case's id in the source system.</summary>
    public required string SourceCaseId { get; init; }
    /// <summary>Ärendenummer in the source.</summary>
    public string? CaseNumber { get; init; }
    /// <summary>Huvudärendenummer: the main case this one belongs to.</summary>
    public string? MainCaseNumber { get; init; }
    /// <summary>The diarienummer.</summary>
    public Diarienummer? Diarienummer { get; init; }
    /// <summary>Ärendemening (case title).</summary>
    public string? Title { get; init; }
    /// <summary>Case type key, e.g. <c>bygglov</c>.</summary>
    public string? CaseType { get; init; }
    /// <summary>Responsible authority (nämnd).</summary>
    public OrganisationRef? Authority { get; init; }
    /// <summary>Responsible unit (enhet).</summary>
    public OrganisationRef? Unit { get; init; }
    /// <summary>FGS StatusArande.</summary>
    public CaseStatus? Status { get; init; }
    /// <summary>The source system's own status name.</summary>
    public string? SourceStatus { get; init; }
}
