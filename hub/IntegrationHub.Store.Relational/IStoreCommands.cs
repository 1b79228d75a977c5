namespace IntegrationHub.Store.Relational;

/// <summary>
/// The SQL of the event log, the cases and the person index. Statements that return events select
/// the columns <see cref="RelationalRows.ReadEventsAsync"/> maps, statements that return cases those
/// <see cref="RelationalRows.ReadCasesAsync"/> maps; parameters are named as the shared flow binds them.
/// </summary>
internal interface IStoreCommands
{
    /// <summary>Idempotent on (source, id): returns the new sequence, or no row for a repeat.</summary>
    string InsertEvent { get; }

    /// <summary>The sequence of the event with @Source and @EventId.</summary>
    string SelectSequenceBySourceAndId { get; }

    /// <summary>Sets @CaseId on the event with @Sequence.</summary>
    string LinkEventToCase { get; }

    /// <summary>A new case from an upsert; returns it.</summary>
    string InsertCase { get; }

    /// <summary>Applies an upsert to the case @Id; returns it when anything changed, else no row.</summary>
    string UpdateCase { get; }

    /// <summary>The case @Id, merged or not.</summary>
    string SelectCaseById { get; }

    /// <summary>Find-cases query: the base, one AND-ed filter per criterion given, then <see cref="FindCasesOrder"/>.</summary>
    string FindCasesBase { get; }

    /// <summary>Filter on @CaseNumber.</summary>
    string FindCasesByCaseNumber { get; }

    /// <summary>Filter on @Diarienummer.</summary>
    string FindCasesByDiarienummer { get; }

    /// <summary>Opens the filter on linked source ids; <see cref="FindCasesBySourceEnd"/> closes it.</summary>
    string FindCasesBySourceStart { get; }

    /// <summary>Within the source-id filter: @SourceSystem.</summary>
    string FindCasesBySourceSystem { get; }

    /// <summary>Within the source-id filter: @SourceCaseId.</summary>
    string FindCasesBySourceCaseId { get; }

    /// <summary>Closes the source-id filter.</summary>
    char FindCasesBySourceEnd { get; }

    /// <summary>Newest update first, at most @Limit.</summary>
    string FindCasesOrder { get; }

    /// <summary>Indexes a person named by an event (idempotent).</summary>
    string InsertEventPerson { get; }

    /// <summary>Records a party of a case (idempotent).</summary>
    string InsertCaseParty { get; }

    /// <summary>The event with @Sequence.</summary>
    string SelectEvent { get; }

    /// <summary>Records that an event's attachment references a content (@Sha256, @Sequence); ignores a repeat.</summary>
    string InsertEventContent { get; }

    /// <summary>Events referencing a content (@Sha256), by sequence, at most @Limit.</summary>
    string SelectEventsByContent { get; }

    /// <summary>The highest sequence, 0 when there is none.</summary>
    string SelectLastSequence { get; }

    /// <summary>Events after @After, in sequence order, at most @Limit.</summary>
    string ReadFeed { get; }

    /// <summary>Like <see cref="ReadFeed"/>, for @Municipality only.</summary>
    string ReadFeedOfMunicipality { get; }

    /// <summary>The events of @CaseId, oldest first.</summary>
    string CaseTimeline { get; }

    /// <summary>The events of one person (@IdentityType, @IdentityValue) in @Municipality, newest first, paged.</summary>
    string PersonTimeline { get; }
}
