using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Hub.Apis.Diary;

/// <summary>The public part of a sekretessmarkering: that it exists and under which provision.</summary>
public sealed record RestrictionSummary(RestrictionType Type, string? LegalReference);
