namespace IntegrationHub.Adapters.Platina.Contract;

/// <summary>The answer of <c>POST /cases/{id}/documents</c> (201, or 409 with the existing document).</summary>
internal sealed record CreatedPlatinaDocument(string? Id, int? Lopnummer);
