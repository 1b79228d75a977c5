namespace IntegrationHub.Store.Sqlite;

/// <summary>
/// Every SQL statement the SQLite store runs, in one place. Timestamps are unix milliseconds,
/// Guids "D"-format text, enums their member names except classification (an ordered integer).
/// </summary>
internal static class SqliteCommands
{
    /// <summary>The columns <see cref="SqliteRows.ReadEventsAsync"/> maps.</summary>
    private const string EventColumns = "sequence, received_at, case_id, payload";

    /// <summary>The columns <see cref="SqliteRows.ReadCasesAsync"/> maps.</summary>
    private const string CaseColumns = """
        id, municipality, source_system, source_case_id, case_number, main_case_number,
        diarienummer, diarienummer_series, diarienummer_year, diarienummer_running_number,
        title, case_type, authority_id, authority_name, authority_municipality,
        unit_id, unit_name, unit_municipality, status, source_status, classification,
        opened_at, updated_at, last_sequence
        """;

    /// <summary>Idempotent on (source, id): a repeat inserts nothing and returns no row.</summary>
    public const string InsertEvent = """
        INSERT INTO events (source, event_id, event_type, municipality, classification, event_time, occurred_at, received_at, payload)
        VALUES (@Source, @EventId, @EventType, @Municipality, @Classification, @EventTime, @OccurredAt, @ReceivedAt, @Payload)
        ON CONFLICT (source, event_id) DO NOTHING
        RETURNING sequence
        """;

    public const string SelectSequenceBySourceAndId = "SELECT sequence FROM events WHERE source = @Source AND event_id = @EventId";

    public const string LinkEventToCase = "UPDATE events SET case_id = @CaseId WHERE sequence = @Sequence";

    /// <summary>
    /// Creates the case, or applies the event to it: descriptive fields only from a newer event
    /// (and only the ones it carries), classification only upwards, opened/updated as min/max.
    /// The WHERE leaves the row untouched (and returns nothing) when the event changes nothing,
    /// e.g. a replay. All right-hand sides see the row as it was before the update.
    /// </summary>
    public const string UpsertCase = $"""
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
        ON CONFLICT (municipality, source_system, source_case_id) DO UPDATE SET
            case_number = CASE WHEN excluded.last_sequence > cases.last_sequence THEN coalesce(excluded.case_number, cases.case_number) ELSE cases.case_number END,
            main_case_number = CASE WHEN excluded.last_sequence > cases.last_sequence THEN coalesce(excluded.main_case_number, cases.main_case_number) ELSE cases.main_case_number END,
            diarienummer = CASE WHEN excluded.last_sequence > cases.last_sequence AND excluded.diarienummer IS NOT NULL THEN excluded.diarienummer ELSE cases.diarienummer END,
            diarienummer_series = CASE WHEN excluded.last_sequence > cases.last_sequence AND excluded.diarienummer IS NOT NULL THEN excluded.diarienummer_series ELSE cases.diarienummer_series END,
            diarienummer_year = CASE WHEN excluded.last_sequence > cases.last_sequence AND excluded.diarienummer IS NOT NULL THEN excluded.diarienummer_year ELSE cases.diarienummer_year END,
            diarienummer_running_number = CASE WHEN excluded.last_sequence > cases.last_sequence AND excluded.diarienummer IS NOT NULL THEN excluded.diarienummer_running_number ELSE cases.diarienummer_running_number END,
            title = CASE WHEN excluded.last_sequence > cases.last_sequence THEN coalesce(excluded.title, cases.title) ELSE cases.title END,
            case_type = CASE WHEN excluded.last_sequence > cases.last_sequence THEN coalesce(excluded.case_type, cases.case_type) ELSE cases.case_type END,
            authority_id = CASE WHEN excluded.last_sequence > cases.last_sequence AND excluded.authority_id IS NOT NULL THEN excluded.authority_id ELSE cases.authority_id END,
            authority_name = CASE WHEN excluded.last_sequence > cases.last_sequence AND excluded.authority_id IS NOT NULL THEN excluded.authority_name ELSE cases.authority_name END,
            authority_municipality = CASE WHEN excluded.last_sequence > cases.last_sequence AND excluded.authority_id IS NOT NULL THEN excluded.authority_municipality ELSE cases.authority_municipality END,
            unit_id = CASE WHEN excluded.last_sequence > cases.last_sequence AND excluded.unit_id IS NOT NULL THEN excluded.unit_id ELSE cases.unit_id END,
            unit_name = CASE WHEN excluded.last_sequence > cases.last_sequence AND excluded.unit_id IS NOT NULL THEN excluded.unit_name ELSE cases.unit_name END,
            unit_municipality = CASE WHEN excluded.last_sequence > cases.last_sequence AND excluded.unit_id IS NOT NULL THEN excluded.unit_municipality ELSE cases.unit_municipality END,
            status = CASE WHEN excluded.last_sequence > cases.last_sequence THEN coalesce(excluded.status, cases.status) ELSE cases.status END,
            source_status = CASE WHEN excluded.last_sequence > cases.last_sequence THEN coalesce(excluded.source_status, cases.source_status) ELSE cases.source_status END,
            classification = max(cases.classification, excluded.classification),
            opened_at = min(cases.opened_at, excluded.opened_at),
            updated_at = max(cases.updated_at, excluded.updated_at),
            last_sequence = max(cases.last_sequence, excluded.last_sequence),
            modified_at = excluded.modified_at
        WHERE excluded.last_sequence > cases.last_sequence
            OR excluded.classification > cases.classification
            OR excluded.opened_at < cases.opened_at
            OR excluded.updated_at > cases.updated_at
        RETURNING {CaseColumns}
        """;

    public const string SelectCaseBySource = $"""
        SELECT {CaseColumns} FROM cases
        WHERE municipality = @Municipality AND source_system = @SourceSystem AND source_case_id = @SourceCaseId
        """;

    public const string SelectCaseById = $"SELECT {CaseColumns} FROM cases WHERE id = @Id";

    /// <summary>Find-cases query: the base plus one AND-ed filter per criterion given, then <see cref="FindCasesOrder"/>.</summary>
    public const string FindCasesBase = $"SELECT {CaseColumns} FROM cases WHERE municipality = @Municipality";
    public const string FindCasesByCaseNumber = " AND case_number = @CaseNumber";
    public const string FindCasesByDiarienummer = " AND diarienummer = @Diarienummer";
    public const string FindCasesBySourceSystem = " AND source_system = @SourceSystem";
    public const string FindCasesBySourceCaseId = " AND source_case_id = @SourceCaseId";
    public const string FindCasesOrder = " ORDER BY updated_at DESC, last_sequence DESC LIMIT @Limit";

    public const string InsertEventPerson = """
        INSERT INTO event_persons (identity_type, identity_value, sequence, relation, role)
        VALUES (@IdentityType, @IdentityValue, @Sequence, @Relation, @Role)
        ON CONFLICT DO NOTHING
        """;

    public const string InsertCaseParty = """
        INSERT INTO case_parties (identity_type, identity_value, case_id, role, first_sequence)
        VALUES (@IdentityType, @IdentityValue, @CaseId, @Role, @Sequence)
        ON CONFLICT DO NOTHING
        """;

    public const string SelectEvent = $"SELECT {EventColumns} FROM events WHERE sequence = @Sequence";

    public const string SelectLastSequence = "SELECT COALESCE(MAX(sequence), 0) FROM events";

    public const string ReadFeed = $"SELECT {EventColumns} FROM events WHERE sequence > @After ORDER BY sequence LIMIT @Limit";

    public const string ReadFeedOfMunicipality = $"""
        SELECT {EventColumns} FROM events
        WHERE municipality = @Municipality AND sequence > @After
        ORDER BY sequence LIMIT @Limit
        """;

    public const string CaseTimeline = $"SELECT {EventColumns} FROM events WHERE case_id = @CaseId ORDER BY occurred_at, sequence";

    /// <summary>
    /// Events that concern or name the person, plus every event of a case they are a party of;
    /// UNION de-duplicates, the outer filter keeps the municipality.
    /// </summary>
    public const string PersonTimeline = $"""
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
