namespace IntegrationHub.Adapters.Platina.Contract;

/// <summary>The answer of <c>POST /cases</c> (201, or 409 with the existing case).</summary>
internal sealed record CreatedPlatinaCase(string? Id, string? Diarienummer);
