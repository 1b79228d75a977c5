namespace IntegrationHub.Host.Adapters;

/// <summary>Which hub cases to hand to an e-archive as one FGS Ärendehantering delivery.</summary>
/// <param name="Municipality">Kommunkod; every case must belong to it.</param>
/// <param name="CaseIds">The hub case ids, 1–500.</param>
public sealed record FgsExportRequest(string? Municipality, IReadOnlyList<Guid>? CaseIds);
