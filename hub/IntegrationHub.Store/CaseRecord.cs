using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Store;

/// <summary>The hub's picture of one case (ärende), built from its events.</summary>
public sealed record CaseRecord
{
    /// <summary>The hub's case id.</summary>
    public required Guid Id { get; init; }
    /// <summary>Kommunkod.</summary>
    public required string Municipality { get; init; }
    /// <summary>Source system key.</summary>
    public required string SourceSystem { get; init; }
    /// <summary>Case id in the source system.</summary>
    public required string SourceCaseId { get; init; }
    /// <summary>Ärendenummer.</summary>
    public string? CaseNumber { get; init; }
    /// <summary>Huvudärendenummer.</summary>
    public string? MainCaseNumber { get; init; }
    /// <summary>Diarienummer as given.</summary>
    public Diarienummer? Diarienummer { get; init; }
    /// <summary>Ärendemening.</summary>
    public string? Title { get; init; }
    /// <summary>Case type key.</summary>
    public string? CaseType { get; init; }
    /// <summary>Responsible authority.</summary>
    public OrganisationRef? Authority { get; init; }
    /// <summary>Responsible unit.</summary>
    public OrganisationRef? Unit { get; init; }
    /// <summary>FGS status.</summary>
    public CaseStatus? Status { get; init; }
    /// <summary>The source system's status name.</summary>
    public string? SourceStatus { get; init; }
    /// <summary>The highest classification of any of its events.</summary>
    public required DataClassification Classification { get; init; }
    /// <summary>When the first event of the case happened.</summary>
    public required DateTimeOffset OpenedAt { get; init; }
    /// <summary>When the latest applied event happened.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }
    /// <summary>Sequence of the latest event applied to this record.</summary>
    public required long LastSequence { get; init; }
    /// <summary>When this case was merged into another, the survivor's id; the case is then a tombstone.</summary>
    public Guid? MergedInto { get; init; }
}
