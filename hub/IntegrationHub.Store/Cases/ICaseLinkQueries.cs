namespace IntegrationHub.Store.Cases;

/// <summary>Reads of cross-system correlation (committed data).</summary>
public interface ICaseLinkQueries
{
    /// <summary>The source ids of a case, in the order they were linked.</summary>
    Task<IReadOnlyList<CaseSourceId>> GetSourceIdsAsync(Guid caseId, CancellationToken cancellationToken);

    /// <summary>Relations from and to a case.</summary>
    Task<IReadOnlyList<CaseRelation>> GetRelationsAsync(Guid caseId, CancellationToken cancellationToken);

    /// <summary>
    /// Sub-cases: cases of the same municipality whose huvudärendenummer (main case number) equals this
    /// case's ärendenummer or diarienummer value.
    /// </summary>
    Task<IReadOnlyList<CaseRecord>> GetSubCasesAsync(Guid caseId, CancellationToken cancellationToken);

    /// <summary>The case's events and those of its sub-cases (recursively, cycles ignored), oldest first (occurredAt, sequence).</summary>
    Task<IReadOnlyList<StoredEvent>> GetTimelineWithSubCasesAsync(Guid caseId, CancellationToken cancellationToken);

    /// <summary>Events of a municipality that carry one of the collaboration ids, oldest first.</summary>
    Task<IReadOnlyList<StoredEvent>> GetEventsByCollaborationAsync(string municipality, IReadOnlyCollection<string> collaborationIds, CancellationToken cancellationToken);
}
