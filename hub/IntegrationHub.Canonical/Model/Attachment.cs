namespace IntegrationHub.Canonical.Model;

/// <summary>A file attached to a document (FGS Bilaga), stored content-addressed.</summary>
public sealed record Attachment(string Name, string MediaType, long Size, string Sha256, string Reference);
