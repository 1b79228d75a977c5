namespace IntegrationHub.Store.Cases;

/// <summary>Cross-system correlation writes of one store session.</summary>
public interface ICaseLinkSession
{
    /// <summary>The hub case that has a source id in a municipality, if any (merged cases resolve to their survivor).</summary>
    Task<Guid?> FindCaseBySourceAsync(string municipality, string sourceSystem, string sourceCaseId, CancellationToken cancellationToken);

    /// <summary>Links a source id to a hub case in the case's municipality; idempotent; never moves a source id from another case.</summary>
    Task<LinkOutcome> LinkSourceAsync(Guid caseId, string sourceSystem, string sourceCaseId, string via, CancellationToken cancellationToken);

    /// <summary>Records a relation between two cases of one municipality (idempotent per case, related case and kind).</summary>
    Task AddRelationAsync(CaseRelation relation, CancellationToken cancellationToken);

    /// <summary>
    /// Merges <paramref name="mergedCaseId"/> into <paramref name="survivorCaseId"/> (same municipality, else
    /// ArgumentException): its source ids, events, parties and relations move; the survivor keeps its own fields
    /// and takes the merged case's where it has none; the merged case stays as a tombstone with <c>MergedInto</c>.
    /// </summary>
    Task MergeCasesAsync(Guid survivorCaseId, Guid mergedCaseId, CancellationToken cancellationToken);
}
