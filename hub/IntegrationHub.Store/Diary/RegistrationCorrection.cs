using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Store.Diary;

/// <summary>A registrator's correction: only the non-null fields change.</summary>
public sealed record RegistrationCorrection
{
    /// <summary>New document date.</summary>
    public DateOnly? DocumentDate { get; init; }
    /// <summary>New direction.</summary>
    public DocumentDirection? Direction { get; init; }
    /// <summary>New sender/recipient text.</summary>
    public string? Correspondent { get; init; }
    /// <summary>New description.</summary>
    public string? Description { get; init; }
    /// <summary>New document type.</summary>
    public string? DocumentType { get; init; }
    /// <summary>New or changed sekretessmarkering.</summary>
    public RegistrationRestriction? Restriction { get; init; }
    /// <summary>True to remove the sekretessmarkering.</summary>
    public bool RemoveRestriction { get; init; }
}
