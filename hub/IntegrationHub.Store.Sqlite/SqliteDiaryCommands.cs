namespace IntegrationHub.Store.Sqlite;

/// <summary>
/// The SQL of the hub diary on SQLite. Dates are yyyy-MM-dd text, timestamps unix milliseconds,
/// enums their member names. Writers are serialised by BEGIN IMMEDIATE, so a counter upsert in a
/// session's transaction hands out each number once, and a rollback gives it back.
/// </summary>
internal static class SqliteDiaryCommands
{
    /// <summary>The columns <see cref="SqliteDiaryRows.ReadRegistrationsAsync"/> maps.</summary>
    private const string RegistrationColumns = """
        id, municipality, diary, case_id, diarienummer, year, running_number, kind, document_number,
        event_sequence, registered_at, document_date, direction, correspondent, description, document_type,
        restriction_type, restriction_legal_reference, restriction_explanation, restriction_marked_at,
        restriction_marked_by, status, annulment_reason, version
        """;

    /// <summary>The columns <see cref="SqliteDiaryRows.ReadConflictsAsync"/> maps.</summary>
    private const string ConflictColumns = "id, municipality, case_id, event_sequence, source_system, existing, claimed, detected_at";

    /// <summary>Creates the counter at 1 or advances it, and returns the number now taken.</summary>
    public const string NextRunningNumber = """
        INSERT INTO diary_counters (municipality, diary, year, last_number)
        VALUES (@Municipality, @Diary, @Year, 1)
        ON CONFLICT (municipality, diary, year) DO UPDATE SET last_number = last_number + 1
        RETURNING last_number
        """;

    /// <summary>Like <see cref="NextRunningNumber"/> per case; returns no row when the case does not exist.</summary>
    public const string NextDocumentNumber = """
        INSERT INTO case_document_counters (case_id, last_number)
        SELECT id, 1 FROM cases WHERE id = @CaseId
        ON CONFLICT (case_id) DO UPDATE SET last_number = last_number + 1
        RETURNING last_number
        """;

    public const string InsertRegistration = $"""
        INSERT INTO registrations ({RegistrationColumns}, search_text)
        VALUES (@Id, @Municipality, @Diary, @CaseId, @Diarienummer, @Year, @RunningNumber, @Kind, @DocumentNumber,
            @EventSequence, @RegisteredAt, @DocumentDate, @Direction, @Correspondent, @Description, @DocumentType,
            @RestrictionType, @RestrictionLegalReference, @RestrictionExplanation, @RestrictionMarkedAt,
            @RestrictionMarkedBy, @Status, @AnnulmentReason, @Version, @SearchText)
        """;

    /// <summary>Writes a corrected or annulled registration, only over the version it was read as.</summary>
    public const string UpdateRegistration = """
        UPDATE registrations SET
            document_date = @DocumentDate, direction = @Direction, correspondent = @Correspondent,
            description = @Description, document_type = @DocumentType,
            restriction_type = @RestrictionType, restriction_legal_reference = @RestrictionLegalReference,
            restriction_explanation = @RestrictionExplanation, restriction_marked_at = @RestrictionMarkedAt,
            restriction_marked_by = @RestrictionMarkedBy, status = @Status, annulment_reason = @AnnulmentReason,
            version = @Version, search_text = @SearchText
        WHERE id = @Id AND version = @Version - 1
        """;

    public const string InsertHistory = """
        INSERT INTO registration_history (registration_id, version, changed_at, changed_by, reason, before)
        VALUES (@RegistrationId, @Version, @ChangedAt, @ChangedBy, @Reason, @Before)
        """;

    public const string SelectRegistration = $"SELECT {RegistrationColumns} FROM registrations WHERE id = @Id";

    public const string SelectCaseRegistration = $"SELECT {RegistrationColumns} FROM registrations WHERE case_id = @CaseId AND document_number IS NULL";

    public const string SelectRegistrationByEvent = $"SELECT {RegistrationColumns} FROM registrations WHERE event_sequence = @EventSequence";

    /// <summary>The case registration first (its document number counts as 0), then by löpnummer.</summary>
    public const string SelectCaseRegistrations = $"""
        SELECT {RegistrationColumns} FROM registrations
        WHERE case_id = @CaseId
        ORDER BY coalesce(document_number, 0), id
        """;

    public const string SelectHistory = """
        SELECT registration_id, version, changed_at, changed_by, reason, before
        FROM registration_history WHERE registration_id = @Id ORDER BY version
        """;

    /// <summary>Search: the base plus one AND-ed filter per criterion given, then <see cref="SearchOrder"/>.</summary>
    public const string SearchBase = $"SELECT {RegistrationColumns} FROM registrations WHERE municipality = @Municipality";
    public const string SearchByDiary = " AND diary = @Diary";
    public const string SearchFrom = " AND document_date >= @From";
    public const string SearchTo = " AND document_date <= @To";

    /// <summary>
    /// Both sides are upper-cased in .NET (SQLite's own case folding is ASCII-only), and
    /// <c>search_text</c> holds withheld text of a restricted registration not at all.
    /// </summary>
    public const string SearchByText = " AND instr(search_text, @Text) > 0";
    public const string SearchOrder = " ORDER BY document_date, year, running_number, diary, coalesce(document_number, 0), id LIMIT @Limit OFFSET @Offset";

    /// <summary>Sets the diarienummer of a case that has none.</summary>
    public const string SetCaseDiarienummer = """
        UPDATE cases SET
            diarienummer = @Diarienummer, diarienummer_series = @Series, diarienummer_year = @Year,
            diarienummer_running_number = @RunningNumber, modified_at = @Now
        WHERE id = @CaseId AND diarienummer IS NULL
        """;

    public const string SelectCaseDiarienummer = """
        SELECT diarienummer, diarienummer_series, diarienummer_year, diarienummer_running_number
        FROM cases WHERE id = @CaseId
        """;

    public const string AnnotateEvent = "UPDATE events SET diarienummer = @Diarienummer, document_number = @DocumentNumber WHERE sequence = @Sequence";

    /// <summary>Idempotent per (case, event): a repeat writes nothing.</summary>
    public const string InsertConflict = $"""
        INSERT INTO diary_conflicts ({ConflictColumns})
        VALUES (@Id, @Municipality, @CaseId, @EventSequence, @SourceSystem, @Existing, @Claimed, @DetectedAt)
        ON CONFLICT DO NOTHING
        """;

    public const string SelectConflicts = $"""
        SELECT {ConflictColumns} FROM diary_conflicts
        WHERE municipality = @Municipality
        ORDER BY detected_at DESC, event_sequence DESC, id DESC
        """;
}
