namespace IntegrationHub.Adapters.Platina.Contract;

/// <summary>The body of <c>GET /cases/{id}/documents</c>.</summary>
internal sealed record PlatinaDocumentList(IReadOnlyList<PlatinaDocumentSummary>? Documents);
