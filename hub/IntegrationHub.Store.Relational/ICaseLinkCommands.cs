namespace IntegrationHub.Store.Relational;

/// <summary>
/// The SQL of cross-system case correlation: source ids, relations, merges, sub-cases and
/// collaborations. The merge statements take @SurvivorId, @MergedId and @Now and run in order.
/// </summary>
internal interface ICaseLinkCommands
{
    /// <summary>The case a source id (@Municipality, @SourceSystem, @SourceCaseId) is linked to, as stored.</summary>
    string SelectCaseIdBySource { get; }

    /// <summary>Links a source id to @CaseId.</summary>
    string InsertSourceId { get; }

    /// <summary>The source ids of @CaseId, in the order they were linked.</summary>
    string SelectSourceIds { get; }

    /// <summary>Records a relation (idempotent per case, related case and kind).</summary>
    string InsertRelation { get; }

    /// <summary>The relations from and to @CaseId.</summary>
    string SelectRelations { get; }

    /// <summary>Merge: the merged case's source ids now lead to the survivor.</summary>
    string MoveSourceIds { get; }

    /// <summary>Merge: the merged case's events now belong to the survivor.</summary>
    string MoveEvents { get; }

    /// <summary>Merge: the merged case's parties become the survivor's.</summary>
    string CopyParties { get; }

    /// <summary>Merge: drops the merged case's parties.</summary>
    string DeleteMergedParties { get; }

    /// <summary>Merge: re-points the merged case's relations at the survivor.</summary>
    string CopyRelations { get; }

    /// <summary>Merge: drops the merged case's relations.</summary>
    string DeleteMergedRelations { get; }

    /// <summary>Merge: the survivor takes the merged case's fields where it has none.</summary>
    string AbsorbMergedFields { get; }

    /// <summary>Merge: the merged case becomes a tombstone.</summary>
    string MarkMerged { get; }

    /// <summary>Live cases of @Municipality other than @Id whose huvudärendenummer is @CaseNumber or @Diarienummer.</summary>
    string SelectSubCases { get; }

    /// <summary>The events of @CaseId and its sub-cases, recursively, oldest first.</summary>
    string TimelineWithSubCases { get; }

    /// <summary>The events of @Municipality carrying one of @CollaborationIds, oldest first.</summary>
    string EventsByCollaboration { get; }
}
