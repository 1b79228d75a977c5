using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Hub.Apis.Review;

/// <summary>Confirm the registration as it stands.</summary>
public sealed record ConfirmRequest(string? ChangedBy, int? Version);

/// <summary>Annul as of trivial importance (ringa betydelse) or as wrong, with a reason.</summary>
public sealed record AnnulReviewRequest(string? ChangedBy, string? Reason, int? Version);

/// <summary>Route to another unit and/or case type.</summary>
public sealed record ReclassifyRequest(string? ChangedBy, OrganisationRef? Unit, string? CaseType, int? Version);

/// <summary>Register the document on an existing case: by its hub id or its diarienummer.</summary>
public sealed record LinkReviewRequest(string? ChangedBy, Guid? CaseId, string? Diarienummer, int? Version);

/// <summary>Add a sekretessmarkering.</summary>
public sealed record RestrictReviewRequest(string? ChangedBy, RestrictionType? Type, string? LegalReference, string? Explanation, int? Version);
