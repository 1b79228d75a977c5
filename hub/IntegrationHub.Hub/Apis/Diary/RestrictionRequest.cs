using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Hub.Apis.Diary;

/// <summary>A sekretessmarkering set by a registrator; when and by whom are recorded by the hub.</summary>
public sealed record RestrictionRequest(RestrictionType Type, string? LegalReference, string? Explanation);
