using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Hub.Apis.Diary;

/// <summary>A registrator's correction; only the fields given change. <c>reason</c> and <c>changedBy</c> are required.</summary>
public sealed record CorrectionRequest
{
    /// <summary>Why (kept in the history).</summary>
    public string? Reason { get; init; }
    /// <summary>Who (kept in the history).</summary>
    public string? ChangedBy { get; init; }
    /// <summary>New document date.</summary>
    public DateOnly? DocumentDate { get; init; }
    /// <summary>New direction.</summary>
    public DocumentDirection? Direction { get; init; }
    /// <summary>New sender/recipient.</summary>
    public string? Correspondent { get; init; }
    /// <summary>New description.</summary>
    public string? Description { get; init; }
    /// <summary>New document type.</summary>
    public string? DocumentType { get; init; }
    /// <summary>A new or changed sekretessmarkering.</summary>
    public RestrictionRequest? Restriction { get; init; }
    /// <summary>True to remove the sekretessmarkering.</summary>
    public bool RemoveRestriction { get; init; }
}
