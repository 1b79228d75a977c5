namespace IntegrationHub.Adapters.Platina.Mapping;

/// <summary>The case an event is about.</summary>
internal sealed record PlatinaEventCase(
    string Id,
    string? Diarienummer,
    string? Title,
    string? CaseType,
    string? Status,
    string? UnitId,
    string? UnitName,
    string? ExternalId,
    string? Classification,
    string? RestrictionLegalReference);
