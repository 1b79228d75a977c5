using IntegrationHub.Store.Relational;

namespace IntegrationHub.Store.Sqlite;

/// <summary>
/// The SQL of the hub diary on SQLite. Dates are yyyy-MM-dd text, timestamps unix milliseconds,
/// enums their member names. Writers are serialised by BEGIN IMMEDIATE, so a counter upsert in a
/// session's transaction hands out each number once, and a rollback gives it back.
/// </summary>
internal sealed class SqliteDiaryCommands : IDiaryCommands
{
    private const string RegistrationColumns = DiaryRows.RegistrationColumns;

    private const string ConflictColumns = DiaryRows.ConflictColumns;

    /// <summary>Creates the counter at 1 or advances it, and returns the number now taken.</summary>
    public string NextRunningNumber { get; } = """
        INSERT INTO diary_counters (municipality, diary, year, last_number)
        VALUES (@Municipality, @Diary, @Year, 1)
        ON CONFLICT (municipality, diary, year) DO UPDATE SET last_number = last_number + 1
        RETURNING last_number
        """;

    /// <summary>Like <see cref="NextRunningNumber"/> per case; returns no row when the case does not exist.</summary>
    public string NextDocumentNumber { get; } = """
        INSERT INTO case_document_counters (case_id, last_number)
        SELECT id, 1 FROM cases WHERE id = @CaseId
        ON CONFLICT (case_id) DO UPDATE SET last_number = last_number + 1
        RETURNING last_number
        """;

    public string InsertRegistration { get; } = $"""
        INSERT INTO registrations ({RegistrationColumns}, search_text)
        VALUES (@Id, @Municipality, @Diary, @CaseId, @Diarienummer, @Year, @RunningNumber, @Kind, @DocumentNumber,
            @EventSequence, @RegisteredAt, @DocumentDate, @Direction, @Correspondent, @Description, @DocumentType,
            @RestrictionType, @RestrictionLegalReference, @RestrictionExplanation, @RestrictionMarkedAt,
            @RestrictionMarkedBy, @Status, @AnnulmentReason, @Version, @SearchText)
        """;

    /// <summary>Writes a corrected or annulled registration, only over the version it was read as.</summary>
    public string UpdateRegistration { get; } = """
        UPDATE registrations SET
            document_date = @DocumentDate, direction = @Direction, correspondent = @Correspondent,
            description = @Description, document_type = @DocumentType,
            restriction_type = @RestrictionType, restriction_legal_reference = @RestrictionLegalReference,
            restriction_explanation = @RestrictionExplanation, restriction_marked_at = @RestrictionMarkedAt,
            restriction_marked_by = @RestrictionMarkedBy, status = @Status, annulment_reason = @AnnulmentReason,
            version = @Version, search_text = @SearchText
        WHERE id = @Id AND version = @Version - 1
        """;

    public string InsertHistory { get; } = """
        INSERT INTO registration_history (registration_id, version, changed_at, changed_by, reason, before)
        VALUES (@RegistrationId, @Version, @ChangedAt, @ChangedBy, @Reason, @Before)
        """;

    public string SelectRegistration { get; } = $"SELECT {RegistrationColumns} FROM registrations WHERE id = @Id";

    public string SelectCaseRegistration { get; } = $"SELECT {RegistrationColumns} FROM registrations WHERE case_id = @CaseId AND document_number IS NULL";

    public string SelectRegistrationByEvent { get; } = $"SELECT {RegistrationColumns} FROM registrations WHERE event_sequence = @EventSequence";

    /// <summary>The case registration first (its document number counts as 0), then by löpnummer.</summary>
    public string SelectCaseRegistrations { get; } = $"""
        SELECT {RegistrationColumns} FROM registrations
        WHERE case_id = @CaseId
        ORDER BY coalesce(document_number, 0), id
        """;

    public string SelectHistory { get; } = """
        SELECT registration_id, version, changed_at, changed_by, reason, before
        FROM registration_history WHERE registration_id = @Id ORDER BY version
        """;

    /// <summary>Search: the base plus one AND-ed filter per criterion given, then <see cref="SearchOrder"/>.</summary>
    public string SearchBase { get; } = $"SELECT {RegistrationColumns} FROM registrations WHERE municipality = @Municipality";
    public string SearchByDiary { get; } = " AND diary = @Diary";
    public string SearchFrom { get; } = " AND document_date >= @From";
    public string SearchTo { get; } = " AND document_date <= @To";

    /// <summary>
    /// Both sides are upper-cased in .NET (SQLite's own case folding is ASCII-only), and
    /// <c>search_text</c> holds withheld text of a restricted registration not at all.
    /// </summary>
    public string SearchByText { get; } = " AND instr(search_text, @Text) > 0";
    public string SearchOrder { get; } = " ORDER BY document_date, year, running_number, diary, coalesce(document_number, 0), id LIMIT @Limit OFFSET @Offset";

    /// <summary>Sets the diarienummer of a case that has none.</summary>
    public string SetCaseDiarienummer { get; } = """
        UPDATE cases SET
            diarienummer = @Diarienummer, diarienummer_series = @Series, diarienummer_year = @Year,
            diarienummer_running_number = @RunningNumber, modified_at = @Now
        WHERE id = @CaseId AND diarienummer IS NULL
        """;

    public string SelectCaseDiarienummer { get; } = """
        SELECT diarienummer, diarienummer_series, diarienummer_year, diarienummer_running_number
        FROM cases WHERE id = @CaseId
        """;

    public string AnnotateEvent { get; } = "UPDATE events SET diarienummer = @Diarienummer, document_number = @DocumentNumber WHERE sequence = @Sequence";

    /// <summary>Idempotent per (case, event): a repeat writes nothing.</summary>
    public string InsertConflict { get; } = $"""
        INSERT INTO diary_conflicts ({ConflictColumns})
        VALUES (@Id, @Municipality, @CaseId, @EventSequence, @SourceSystem, @Existing, @Claimed, @DetectedAt)
        ON CONFLICT DO NOTHING
        """;

    public string SelectConflicts { get; } = $"""
        SELECT {ConflictColumns} FROM diary_conflicts
        WHERE municipality = @Municipality
        ORDER BY detected_at DESC, event_sequence DESC, id DESC
        """;
}
