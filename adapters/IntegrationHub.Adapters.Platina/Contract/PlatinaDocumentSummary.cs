namespace IntegrationHub.Adapters.Platina.Contract;

/// <summary>A document of a case as <c>GET /cases/{id}/documents</c> lists it.</summary>
internal sealed record PlatinaDocumentSummary(string Id, string? ExternalId, int? Lopnummer);
