using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Adapters.Fgs.Mapping;

/// <summary>A delivery mapped: its events (ordered per case) and the attachment files it referenced.</summary>
/// <param name="Events">Canonical events, per case: opened, then documents and decisions in time order, then closed.</param>
/// <param name="Files">Full paths of the attachment files the delivery referenced (moved with it once imported).</param>
public sealed record FgsImport(IReadOnlyList<CaseEvent> Events, IReadOnlyList<string> Files);
