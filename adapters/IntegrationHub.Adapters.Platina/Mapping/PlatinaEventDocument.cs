namespace IntegrationHub.Adapters.Platina.Mapping;

/// <summary>The document an event registered.</summary>
internal sealed record PlatinaEventDocument(
    string Id,
    string? ExternalId,
    string? Title,
    string? DocumentType,
    string? Direction,
    DateTimeOffset? Date,
    int? Lopnummer,
    IReadOnlyList<PlatinaEventFile> Files);
