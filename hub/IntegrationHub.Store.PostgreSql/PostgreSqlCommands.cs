namespace IntegrationHub.Store.PostgreSql;

/// <summary>
/// Every SQL statement the PostgreSQL store runs, in one place, qualified with the store's schema
/// (validated to [a-z0-9_] and quoted) so they also work on an enlisted connection whose
/// search_path points elsewhere.
/// </summary>
internal sealed class PostgreSqlCommands(string s)
{
    /// <summary>The columns <see cref="PostgreSqlRows.ReadEventsAsync"/> maps.</summary>
    private const string EventColumns = "sequence, received_at, case_id, payload";

    /// <summary>The columns <see cref="PostgreSqlRows.ReadCasesAsync"/> maps.</summary>
    private const string CaseColumns = """
        id, municipality, source_system, source_case_id, case_number, main_case_number,
        diarienummer, diarienummer_series, diarienummer_year, diarienummer_running_number,
        title, case_type, authority_id, authority_name, authority_municipality,
        unit_id, unit_name, unit_municipality, status, source_status, classification,
        opened_at, updated_at, last_sequence
        """;

    /// <summary>
    /// An advisory lock held until the transaction ends (see <see cref="PostgreSqlLocks"/>); it
    /// is released by commit, rollback or a dropped connection, never left behind.
    /// </summary>
    public const string TransactionLock = "SELECT pg_advisory_xact_lock(@LockClass, @LockKey)";

    public string CreateSchema { get; } = $"CREATE SCHEMA IF NOT EXISTS {s}";

    /// <summary>Idempotent on (source, id): a repeat inserts nothing and returns no row.</summary>
    public string InsertEvent { get; } = $"""
        INSERT INTO {s}.events (source, event_id, event_type, municipality, classification, event_time, occurred_at, received_at, payload)
        VALUES (@Source, @EventId, @EventType, @Municipality, @Classification, @EventTime, @OccurredAt, @ReceivedAt, CAST(@Payload AS json))
        ON CONFLICT (source, event_id) DO NOTHING
        RETURNING sequence
        """;

    public string SelectSequenceBySourceAndId { get; } = $"SELECT sequence FROM {s}.events WHERE source = @Source AND event_id = @EventId";

    public string LinkEventToCase { get; } = $"UPDATE {s}.events SET case_id = @CaseId WHERE sequence = @Sequence";

    /// <summary>
    /// Creates the case, or applies the event to it: descriptive fields only from a newer event
    /// (and only the ones it carries), classification only upwards, opened/updated as min/max.
    /// The WHERE leaves the row untouched (and returns nothing) when the event changes nothing,
    /// e.g. a replay. A concurrent insert of the same new case waits on the unique index and then
    /// takes the update branch, so there is only ever one case.
    /// </summary>
    public string UpsertCase { get; } = $"""
        INSERT INTO {s}.cases AS c (id, municipality, source_system, source_case_id, case_number, main_case_number,
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
            case_number = CASE WHEN EXCLUDED.last_sequence > c.last_sequence THEN coalesce(EXCLUDED.case_number, c.case_number) ELSE c.case_number END,
            main_case_number = CASE WHEN EXCLUDED.last_sequence > c.last_sequence THEN coalesce(EXCLUDED.main_case_number, c.main_case_number) ELSE c.main_case_number END,
            diarienummer = CASE WHEN EXCLUDED.last_sequence > c.last_sequence AND EXCLUDED.diarienummer IS NOT NULL THEN EXCLUDED.diarienummer ELSE c.diarienummer END,
            diarienummer_series = CASE WHEN EXCLUDED.last_sequence > c.last_sequence AND EXCLUDED.diarienummer IS NOT NULL THEN EXCLUDED.diarienummer_series ELSE c.diarienummer_series END,
            diarienummer_year = CASE WHEN EXCLUDED.last_sequence > c.last_sequence AND EXCLUDED.diarienummer IS NOT NULL THEN EXCLUDED.diarienummer_year ELSE c.diarienummer_year END,
            diarienummer_running_number = CASE WHEN EXCLUDED.last_sequence > c.last_sequence AND EXCLUDED.diarienummer IS NOT NULL THEN EXCLUDED.diarienummer_running_number ELSE c.diarienummer_running_number END,
            title = CASE WHEN EXCLUDED.last_sequence > c.last_sequence THEN coalesce(EXCLUDED.title, c.title) ELSE c.title END,
            case_type = CASE WHEN EXCLUDED.last_sequence > c.last_sequence THEN coalesce(EXCLUDED.case_type, c.case_type) ELSE c.case_type END,
            authority_id = CASE WHEN EXCLUDED.last_sequence > c.last_sequence AND EXCLUDED.authority_id IS NOT NULL THEN EXCLUDED.authority_id ELSE c.authority_id END,
            authority_name = CASE WHEN EXCLUDED.last_sequence > c.last_sequence AND EXCLUDED.authority_id IS NOT NULL THEN EXCLUDED.authority_name ELSE c.authority_name END,
            authority_municipality = CASE WHEN EXCLUDED.last_sequence > c.last_sequence AND EXCLUDED.authority_id IS NOT NULL THEN EXCLUDED.authority_municipality ELSE c.authority_municipality END,
            unit_id = CASE WHEN EXCLUDED.last_sequence > c.last_sequence AND EXCLUDED.unit_id IS NOT NULL THEN EXCLUDED.unit_id ELSE c.unit_id END,
            unit_name = CASE WHEN EXCLUDED.last_sequence > c.last_sequence AND EXCLUDED.unit_id IS NOT NULL THEN EXCLUDED.unit_name ELSE c.unit_name END,
            unit_municipality = CASE WHEN EXCLUDED.last_sequence > c.last_sequence AND EXCLUDED.unit_id IS NOT NULL THEN EXCLUDED.unit_municipality ELSE c.unit_municipality END,
            status = CASE WHEN EXCLUDED.last_sequence > c.last_sequence THEN coalesce(EXCLUDED.status, c.status) ELSE c.status END,
            source_status = CASE WHEN EXCLUDED.last_sequence > c.last_sequence THEN coalesce(EXCLUDED.source_status, c.source_status) ELSE c.source_status END,
            classification = GREATEST(c.classification, EXCLUDED.classification),
            opened_at = LEAST(c.opened_at, EXCLUDED.opened_at),
            updated_at = GREATEST(c.updated_at, EXCLUDED.updated_at),
            last_sequence = GREATEST(c.last_sequence, EXCLUDED.last_sequence),
            modified_at = EXCLUDED.modified_at
        WHERE EXCLUDED.last_sequence > c.last_sequence
            OR EXCLUDED.classification > c.classification
            OR EXCLUDED.opened_at < c.opened_at
            OR EXCLUDED.updated_at > c.updated_at
        RETURNING {CaseColumns}
        """;

    public string SelectCaseBySource { get; } = $"""
        SELECT {CaseColumns} FROM {s}.cases
        WHERE municipality = @Municipality AND source_system = @SourceSystem AND source_case_id = @SourceCaseId
        """;

    public string SelectCaseById { get; } = $"SELECT {CaseColumns} FROM {s}.cases WHERE id = @Id";

    /// <summary>Find-cases query: the base plus one AND-ed filter per criterion given, then <see cref="FindCasesOrder"/>.</summary>
    public string FindCasesBase { get; } = $"SELECT {CaseColumns} FROM {s}.cases WHERE municipality = @Municipality";
    public const string FindCasesByCaseNumber = " AND case_number = @CaseNumber";
    public const string FindCasesByDiarienummer = " AND diarienummer = @Diarienummer";
    public const string FindCasesBySourceSystem = " AND source_system = @SourceSystem";
    public const string FindCasesBySourceCaseId = " AND source_case_id = @SourceCaseId";
    public const string FindCasesOrder = " ORDER BY updated_at DESC, last_sequence DESC LIMIT @Limit";

    public string InsertEventPerson { get; } = $"""
        INSERT INTO {s}.event_persons (identity_type, identity_value, sequence, relation, role)
        VALUES (@IdentityType, @IdentityValue, @Sequence, @Relation, @Role)
        ON CONFLICT DO NOTHING
        """;

    public string InsertCaseParty { get; } = $"""
        INSERT INTO {s}.case_parties (identity_type, identity_value, case_id, role, first_sequence)
        VALUES (@IdentityType, @IdentityValue, @CaseId, @Role, @Sequence)
        ON CONFLICT DO NOTHING
        """;

    public string SelectEvent { get; } = $"SELECT {EventColumns} FROM {s}.events WHERE sequence = @Sequence";

    public string SelectLastSequence { get; } = $"SELECT COALESCE(MAX(sequence), 0) FROM {s}.events";

    public string ReadFeed { get; } = $"SELECT {EventColumns} FROM {s}.events WHERE sequence > @After ORDER BY sequence LIMIT @Limit";

    public string ReadFeedOfMunicipality { get; } = $"""
        SELECT {EventColumns} FROM {s}.events
        WHERE municipality = @Municipality AND sequence > @After
        ORDER BY sequence LIMIT @Limit
        """;

    public string CaseTimeline { get; } = $"SELECT {EventColumns} FROM {s}.events WHERE case_id = @CaseId ORDER BY occurred_at, sequence";

    /// <summary>
    /// Events that concern or name the person, plus every event of a case they are a party of;
    /// UNION de-duplicates, the outer filter keeps the municipality.
    /// </summary>
    public string PersonTimeline { get; } = $"""
        SELECT {EventColumns} FROM {s}.events
        WHERE municipality = @Municipality
          AND sequence IN (
              SELECT sequence FROM {s}.event_persons
              WHERE identity_type = @IdentityType AND identity_value = @IdentityValue
              UNION
              SELECT e.sequence FROM {s}.case_parties p JOIN {s}.events e ON e.case_id = p.case_id
              WHERE p.identity_type = @IdentityType AND p.identity_value = @IdentityValue)
        ORDER BY occurred_at DESC, sequence DESC
        LIMIT @Limit OFFSET @Offset
        """;
}
