namespace IntegrationHub.Canonical.Model;

/// <summary>A reference to another case, e.g. the one a remiss or forward came from.</summary>
public sealed record CaseLink
{
    /// <summary>The source system's key.</summary>
    public required string SourceSystem { get; init; }
    /// <summary>The case's id in that system.</summary>
    public required string SourceCaseId { get; init; }
    /// <summary>Ärendenummer.</summary>
    public string? CaseNumber { get; init; }
    /// <summary>The hub's id for that case.</summary>
    public Guid? HubCaseId { get; init; }
}
