namespace IntegrationHub.Canonical.Model;

/// <summary>An authority (nämnd) or unit (enhet), optionally in another municipality.</summary>
public sealed record OrganisationRef(string Id, string? Name = null, string? Municipality = null);
