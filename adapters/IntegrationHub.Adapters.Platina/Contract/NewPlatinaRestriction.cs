namespace IntegrationHub.Adapters.Platina.Contract;

/// <summary>A secrecy marking (sekretessmarkering) on a new case.</summary>
internal sealed record NewPlatinaRestriction(string Type, string? LegalReference, string? Explanation);
