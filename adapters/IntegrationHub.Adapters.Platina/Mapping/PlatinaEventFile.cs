namespace IntegrationHub.Adapters.Platina.Mapping;

/// <summary>A file of a document.</summary>
internal sealed record PlatinaEventFile(string Id, string? Name, string? MediaType, long? Size, string? Sha256);
