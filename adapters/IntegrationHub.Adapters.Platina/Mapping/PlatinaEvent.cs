namespace IntegrationHub.Adapters.Platina.Mapping;

/// <summary>One Platina event as the field map read it.</summary>
internal sealed record PlatinaEvent(
    string Cursor,
    string Id,
    string Type,
    DateTimeOffset OccurredAt,
    PlatinaEventCase Case,
    PlatinaEventDocument? Document,
    PlatinaEventDecision? Decision);
