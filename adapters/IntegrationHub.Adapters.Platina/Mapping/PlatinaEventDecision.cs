namespace IntegrationHub.Adapters.Platina.Mapping;

/// <summary>The decision a decided event carries.</summary>
internal sealed record PlatinaEventDecision(
    string Outcome,
    DateTimeOffset? DecidedAt,
    string? BodyId,
    string? BodyName,
    string? Paragraph,
    string? Summary);
