using IntegrationHub.Canonical.Model;

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

    /// <summary>
    /// What the hub knows of a case (a merged case answers with the surviving case), or null: its ids in every system,
    /// title, type, diarienummer, parties and every registered document with its files, oldest first. For an outbound
    /// side that must hand a whole case to another system (the committee flow to Platina, an FGS delivery).
    /// </summary>
    Task<CaseSnapshot?> GetSnapshotAsync(string municipality, Guid hubCaseId, CancellationToken cancellationToken);
}

/// <summary>A hub case as an outbound side needs it.</summary>
/// <param name="CaseId">The hub case id.</param>
/// <param name="Municipality">Kommunkod.</param>
/// <param name="SourceIds">The case's id in each system that has it (e.g. edpfuture/4711, platina/KS-2026-0412).</param>
/// <param name="Title">Ärendemening.</param>
/// <param name="CaseType">The hub's case type.</param>
/// <param name="Diarienummer">The diarienummer, once registered.</param>
/// <param name="Status">The hub status (Öppet, Avslutat …) as the schema names it.</param>
/// <param name="OpenedAt">When the case was opened.</param>
/// <param name="Classification">The highest classification of the case's events.</param>
/// <param name="Parties">Parties, as the latest event naming them gave them.</param>
/// <param name="Documents">Every registered document with its attachments, oldest first.</param>
public sealed record CaseSnapshot(
    Guid CaseId,
    string Municipality,
    IReadOnlyList<SourceCaseRef> SourceIds,
    string? Title,
    string? CaseType,
    string? Diarienummer,
    string? Status,
    DateTimeOffset OpenedAt,
    DataClassification Classification,
    IReadOnlyList<Party> Parties,
    IReadOnlyList<Document> Documents);

/// <summary>A case's id in one source system.</summary>
public sealed record SourceCaseRef(string SourceSystem, string SourceCaseId);
