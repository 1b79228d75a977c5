namespace IntegrationHub.Adapters.Platina.Contract;

/// <summary>The body of <c>POST /cases</c>: a case the hub hands to Platina; <see cref="ExternalId"/> (the hub case id) makes it idempotent.</summary>
internal sealed record NewPlatinaCase(
    string ExternalId,
    string Title,
    string CaseType,
    string? Unit,
    DateTimeOffset? OpenedAt,
    IReadOnlyList<NewPlatinaParty> Parties,
    string Classification,
    NewPlatinaRestriction? Restriction,
    IReadOnlyList<PlatinaSourceId> SourceIds);
