namespace IntegrationHub.Canonical.Model;

/// <summary>Remiss, uppdragsgivning or vidarebefordran between two parties.</summary>
public sealed record Collaboration
{
    /// <summary>The kind of collaboration.</summary>
    public required CollaborationKind Kind { get; init; }
    /// <summary>Correlates the request and its answer, report or klarmarkering.</summary>
    public required string CollaborationId { get; init; }
    /// <summary>The sending party.</summary>
    public required OrganisationRef From { get; init; }
    /// <summary>The receiving party.</summary>
    public required OrganisationRef To { get; init; }
    /// <summary>Behållet uppföljningsansvar (vidarebefordran only).</summary>
    public bool? RetainedFollowUp { get; init; }
    /// <summary>Answer or completion due date.</summary>
    public DateOnly? DueDate { get; init; }
    /// <summary>The case the collaboration started from.</summary>
    public CaseLink? OriginatingCase { get; init; }
    /// <summary>The receiving party's case, when the sender knows it.</summary>
    public CaseLink? TargetCase { get; init; }
    /// <summary>Message to the receiver.</summary>
    public string? Message { get; init; }
}
