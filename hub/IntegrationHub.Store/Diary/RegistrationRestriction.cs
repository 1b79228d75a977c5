using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Store.Diary;

/// <summary>A sekretessmarkering on a registration: withholds sender/recipient and description from the public diary.</summary>
public sealed record RegistrationRestriction(RestrictionType Type, string? LegalReference, string? Explanation, DateTimeOffset? MarkedAt, string? MarkedBy);
