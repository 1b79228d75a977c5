using IntegrationHub.Store.Relational;

namespace IntegrationHub.Store.Sqlite;

/// <summary>
/// The SQL of events, cases and the person index on SQLite (the diary's and correlation's are beside
/// it). Timestamps are unix milliseconds, Guids "D"-format text, enums their member names except
/// classification (an ordered integer).
/// </summary>
internal sealed class SqliteCommands : IStoreCommands
{
    /// <summary>The columns an event row has (also named by the subscription store).</summary>
    public const string EventColumns = RelationalRows.EventColumns;

    private const string CaseColumns = RelationalRows.CaseColumns;

    /// <summary>Idempotent on (source, id): a repeat inserts nothing and returns no row.</summary>
    public string InsertEvent { get; } = """
        INSERT INTO events (source, event_id, event_type, municipality, classification, event_time, occurred_at, received_at, payload, collaboration_id)
        VALUES (@Source, @EventId, @EventType, @Municipality, @Classification, @EventTime, @OccurredAt, @ReceivedAt, @Payload, @CollaborationId)
        ON CONFLICT (source, event_id) DO NOTHING
        RETURNING sequence
        """;

    public string SelectSequenceBySourceAndId { get; } = "SELECT sequence FROM events WHERE source = @Source AND event_id = @EventId";

    public string LinkEventToCase { get; } = "UPDATE events SET case_id = @CaseId WHERE sequence = @Sequence";

    /// <summary>A new case, created by the first event of a source id nobody has linked yet.</summary>
    public string InsertCase { get; } = $"""
        INSERT INTO cases (id, municipality, source_system, source_case_id, case_number, main_case_number,
            diarienummer, diarienummer_series, diarienummer_year, diarienummer_running_number,
            title, case_type, authority_id, authority_name, authority_municipality,
            unit_id, unit_name, unit_municipality, status, source_status, classification,
            opened_at, updated_at, last_sequence, created_at, modified_at)
        VALUES (@Id, @Municipality, @SourceSystem, @SourceCaseId, @CaseNumber, @MainCaseNumber,
            @Diarienummer, @DiarienummerSeries, @DiarienummerYear, @DiarienummerRunningNumber,
            @Title, @CaseType, @AuthorityId, @AuthorityName, @AuthorityMunicipality,
            @UnitId, @UnitName, @UnitMunicipality, @Status, @SourceStatus, @Classification,
            @OccurredAt, @OccurredAt, @Sequence, @Now, @Now)
        RETURNING {CaseColumns}
        """;

    /// <summary>
    /// Applies an event to its (live) case: descriptive fields only from a newer event (and only the
    /// ones it carries), the diarienummer only when the case has none (never overwritten, whatever
    /// the sequence), classification only upwards, opened/updated as min/max. The WHERE leaves the
    /// row untouched (and returns nothing) when the event changes nothing, e.g. a replay. All
    /// right-hand sides see the row as it was before the update.
    /// </summary>
    public string UpdateCase { get; } = $"""
        UPDATE cases SET
            case_number = CASE WHEN @Sequence > last_sequence THEN coalesce(@CaseNumber, case_number) ELSE case_number END,
            main_case_number = CASE WHEN @Sequence > last_sequence THEN coalesce(@MainCaseNumber, main_case_number) ELSE main_case_number END,
            diarienummer = CASE WHEN diarienummer IS NULL THEN @Diarienummer ELSE diarienummer END,
            diarienummer_series = CASE WHEN diarienummer IS NULL THEN @DiarienummerSeries ELSE diarienummer_series END,
            diarienummer_year = CASE WHEN diarienummer IS NULL THEN @DiarienummerYear ELSE diarienummer_year END,
            diarienummer_running_number = CASE WHEN diarienummer IS NULL THEN @DiarienummerRunningNumber ELSE diarienummer_running_number END,
            title = CASE WHEN @Sequence > last_sequence THEN coalesce(@Title, title) ELSE title END,
            case_type = CASE WHEN @Sequence > last_sequence THEN coalesce(@CaseType, case_type) ELSE case_type END,
            authority_id = CASE WHEN @Sequence > last_sequence AND @AuthorityId IS NOT NULL THEN @AuthorityId ELSE authority_id END,
            authority_name = CASE WHEN @Sequence > last_sequence AND @AuthorityId IS NOT NULL THEN @AuthorityName ELSE authority_name END,
            authority_municipality = CASE WHEN @Sequence > last_sequence AND @AuthorityId IS NOT NULL THEN @AuthorityMunicipality ELSE authority_municipality END,
            unit_id = CASE WHEN @Sequence > last_sequence AND @UnitId IS NOT NULL THEN @UnitId ELSE unit_id END,
            unit_name = CASE WHEN @Sequence > last_sequence AND @UnitId IS NOT NULL THEN @UnitName ELSE unit_name END,
            unit_municipality = CASE WHEN @Sequence > last_sequence AND @UnitId IS NOT NULL THEN @UnitMunicipality ELSE unit_municipality END,
            status = CASE WHEN @Sequence > last_sequence THEN coalesce(@Status, status) ELSE status END,
            source_status = CASE WHEN @Sequence > last_sequence THEN coalesce(@SourceStatus, source_status) ELSE source_status END,
            classification = max(classification, @Classification),
            opened_at = min(opened_at, @OccurredAt),
            updated_at = max(updated_at, @OccurredAt),
            last_sequence = max(last_sequence, @Sequence),
            modified_at = @Now
        WHERE id = @Id
          AND (@Sequence > last_sequence
            OR @Classification > classification
            OR @OccurredAt < opened_at
            OR @OccurredAt > updated_at
            OR (diarienummer IS NULL AND @Diarienummer IS NOT NULL))
        RETURNING {CaseColumns}
        """;

    public string SelectCaseById { get; } = $"SELECT {CaseColumns} FROM cases WHERE id = @Id";

    /// <summary>Find-cases query: the base plus one AND-ed filter per criterion given, then <see cref="FindCasesOrder"/>.</summary>
    /// <remarks>
    /// Tombstones of merged cases are never found. Source criteria match any of the case's linked
    /// source ids (<c>case_source_ids</c>), so a merged case's source id finds the survivor.
    /// </remarks>
    public string FindCasesBase { get; } = $"SELECT {CaseColumns} FROM cases WHERE municipality = @Municipality AND merged_into IS NULL";
    public string FindCasesByCaseNumber { get; } = " AND case_number = @CaseNumber";
    public string FindCasesByDiarienummer { get; } = " AND diarienummer = @Diarienummer";
    public string FindCasesBySourceStart { get; } = " AND EXISTS (SELECT 1 FROM case_source_ids l WHERE l.case_id = cases.id";
    public string FindCasesBySourceSystem { get; } = " AND l.source_system = @SourceSystem";
    public string FindCasesBySourceCaseId { get; } = " AND l.source_case_id = @SourceCaseId";
    public char FindCasesBySourceEnd { get; } = ')';
    public string FindCasesOrder { get; } = " ORDER BY updated_at DESC, last_sequence DESC LIMIT @Limit";

    public string InsertEventPerson { get; } = """
        INSERT INTO event_persons (identity_type, identity_value, sequence, relation, role)
        VALUES (@IdentityType, @IdentityValue, @Sequence, @Relation, @Role)
        ON CONFLICT DO NOTHING
        """;

    public string InsertCaseParty { get; } = """
        INSERT INTO case_parties (identity_type, identity_value, case_id, role, first_sequence)
        VALUES (@IdentityType, @IdentityValue, @CaseId, @Role, @Sequence)
        ON CONFLICT DO NOTHING
        """;

    public string SelectEvent { get; } = $"SELECT {EventColumns} FROM events WHERE sequence = @Sequence";

    public string InsertEventContent { get; } = "INSERT INTO event_contents (sha256, sequence) VALUES (@Sha256, @Sequence) ON CONFLICT DO NOTHING";

    public string SelectEventsByContent { get; } =
        $"SELECT {EventColumns} FROM events WHERE sequence IN (SELECT sequence FROM event_contents WHERE sha256 = @Sha256) ORDER BY sequence LIMIT @Limit";

    public string SelectLastSequence { get; } = "SELECT COALESCE(MAX(sequence), 0) FROM events";

    public string ReadFeed { get; } = $"SELECT {EventColumns} FROM events WHERE sequence > @After ORDER BY sequence LIMIT @Limit";

    public string ReadFeedOfMunicipality { get; } = $"""
        SELECT {EventColumns} FROM events
        WHERE municipality = @Municipality AND sequence > @After
        ORDER BY sequence LIMIT @Limit
        """;

    public string CaseTimeline { get; } = $"SELECT {EventColumns} FROM events WHERE case_id = @CaseId ORDER BY occurred_at, sequence";

    /// <summary>
    /// Events that concern or name the person, plus every event of a case they are a party of;
    /// UNION de-duplicates, the outer filter keeps the municipality.
    /// </summary>
    public string PersonTimeline { get; } = $"""
        SELECT {EventColumns} FROM events
        WHERE municipality = @Municipality
          AND sequence IN (
              SELECT sequence FROM event_persons
              WHERE identity_type = @IdentityType AND identity_value = @IdentityValue
              UNION
              SELECT e.sequence FROM case_parties p JOIN events e ON e.case_id = p.case_id
              WHERE p.identity_type = @IdentityType AND p.identity_value = @IdentityValue)
        ORDER BY occurred_at DESC, sequence DESC
        LIMIT @Limit OFFSET @Offset
        """;
}
