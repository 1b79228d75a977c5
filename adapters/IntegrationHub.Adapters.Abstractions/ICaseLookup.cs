namespace IntegrationHub.Adapters.Abstractions;

/// <summary>Read-only questions an adapter may ask the hub about cases it already knows (committed data).</summary>
public interface ICaseLookup
{
    /// <summary>
    /// The hub case of a municipality with this diarienummer (as formatted, e.g. "BN 2026/45", compared without
    /// regard to case and extra spaces), or null. A case merged into another answers with the surviving case.
    /// </summary>
    Task<Guid?> FindByDiarienummerAsync(string municipality, string diarienummer, CancellationToken cancellationToken);

    /// <summary>Whether the hub case exists in the municipality; a merged case answers with the surviving case, else null.</summary>
    Task<Guid?> ResolveAsync(string municipality, Guid hubCaseId, CancellationToken cancellationToken);
}
