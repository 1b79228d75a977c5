namespace IntegrationHub.Adapters.Platina.Contract;

/// <summary>A case as <c>GET /cases?externalId=</c> returns it.</summary>
internal sealed record PlatinaCase(string Id, string? Diarienummer, string? Title, string? CaseType, string? Status, PlatinaUnit? Unit, string? ExternalId);
