namespace IntegrationHub.Canonical.Model;

/// <summary>A deadline that passed without the event that should have met it.</summary>
public sealed record Deadline
{
    /// <summary>Which deadline.</summary>
    public required DeadlineKind Kind { get; init; }
    /// <summary>Its last day.</summary>
    public required DateOnly DueDate { get; init; }
    /// <summary>The collaboration it belongs to (remiss, uppdrag, klarmarkering).</summary>
    public string? CollaborationId { get; init; }
    /// <summary>The party that has not answered or finished.</summary>
    public OrganisationRef? Party { get; init; }
    /// <summary>A service promise's length in working days.</summary>
    public int? WorkingDays { get; init; }
}
