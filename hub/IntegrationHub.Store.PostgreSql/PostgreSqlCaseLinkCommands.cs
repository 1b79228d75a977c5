using IntegrationHub.Store.Relational;

namespace IntegrationHub.Store.PostgreSql;

/// <summary>
/// The SQL of cross-system case correlation on PostgreSQL: source ids, relations, merges and
/// sub-cases. Look-ups that a write depends on run under a per-source-id advisory lock or a row lock
/// (see <see cref="PostgreSqlDialect"/>).
/// </summary>
internal sealed class PostgreSqlCaseLinkCommands(string s) : ICaseLinkCommands
{
    public string SelectCaseIdBySource { get; } = $"""
        SELECT case_id FROM {s}.case_source_ids
        WHERE municipality = @Municipality AND source_system = @SourceSystem AND source_case_id = @SourceCaseId
        """;

    public string InsertSourceId { get; } = $"""
        INSERT INTO {s}.case_source_ids (municipality, source_system, source_case_id, case_id, linked_at, via)
        VALUES (@Municipality, @SourceSystem, @SourceCaseId, @CaseId, @LinkedAt, @Via)
        """;

    public string SelectSourceIds { get; } = $"""
        SELECT source_system, source_case_id, linked_at, via FROM {s}.case_source_ids
        WHERE case_id = @CaseId ORDER BY linked_at, id
        """;

    public string InsertRelation { get; } = $"""
        INSERT INTO {s}.case_relations (case_id, related_case_id, kind, collaboration_id, event_sequence)
        VALUES (@CaseId, @RelatedCaseId, @Kind, @CollaborationId, @EventSequence)
        ON CONFLICT (case_id, related_case_id, kind) DO NOTHING
        """;

    public string SelectRelations { get; } = $"""
        SELECT case_id, related_case_id, kind, collaboration_id, event_sequence FROM {s}.case_relations
        WHERE case_id = @CaseId OR related_case_id = @CaseId ORDER BY id
        """;

    // ---------------------------------------------------------------- merge (parameters @SurvivorId, @MergedId, @Now)

    /// <summary>The merged case's source ids now lead to the survivor.</summary>
    public string MoveSourceIds { get; } = $"UPDATE {s}.case_source_ids SET case_id = @SurvivorId, linked_at = @Now, via = 'merge' WHERE case_id = @MergedId";

    public string MoveEvents { get; } = $"UPDATE {s}.events SET case_id = @SurvivorId WHERE case_id = @MergedId";

    /// <summary>A party of both keeps the role of whichever case named them first.</summary>
    public string CopyParties { get; } = $"""
        INSERT INTO {s}.case_parties AS p (identity_type, identity_value, case_id, role, first_sequence)
        SELECT identity_type, identity_value, @SurvivorId, role, first_sequence FROM {s}.case_parties WHERE case_id = @MergedId
        ON CONFLICT (identity_type, identity_value, case_id) DO UPDATE SET
            role = CASE WHEN EXCLUDED.first_sequence < p.first_sequence THEN EXCLUDED.role ELSE p.role END,
            first_sequence = LEAST(p.first_sequence, EXCLUDED.first_sequence)
        """;

    public string DeleteMergedParties { get; } = $"DELETE FROM {s}.case_parties WHERE case_id = @MergedId";

    /// <summary>Re-points the merged case's relations at the survivor; relations between the two would point at itself and are dropped.</summary>
    public string CopyRelations { get; } = $"""
        INSERT INTO {s}.case_relations (case_id, related_case_id, kind, collaboration_id, event_sequence)
        SELECT CASE WHEN case_id = @MergedId THEN @SurvivorId ELSE case_id END,
               CASE WHEN related_case_id = @MergedId THEN @SurvivorId ELSE related_case_id END,
               kind, collaboration_id, event_sequence
        FROM {s}.case_relations
        WHERE (case_id = @MergedId OR related_case_id = @MergedId)
          AND NOT (case_id IN (@MergedId, @SurvivorId) AND related_case_id IN (@MergedId, @SurvivorId))
        ORDER BY id
        ON CONFLICT (case_id, related_case_id, kind) DO NOTHING
        """;

    public string DeleteMergedRelations { get; } = $"DELETE FROM {s}.case_relations WHERE case_id = @MergedId OR related_case_id = @MergedId";

    /// <summary>The survivor keeps its own fields and takes the merged case's where it has none.</summary>
    public string AbsorbMergedFields { get; } = $"""
        UPDATE {s}.cases AS c SET
            case_number = coalesce(c.case_number, m.case_number),
            main_case_number = coalesce(c.main_case_number, m.main_case_number),
            diarienummer = CASE WHEN c.diarienummer IS NULL THEN m.diarienummer ELSE c.diarienummer END,
            diarienummer_series = CASE WHEN c.diarienummer IS NULL THEN m.diarienummer_series ELSE c.diarienummer_series END,
            diarienummer_year = CASE WHEN c.diarienummer IS NULL THEN m.diarienummer_year ELSE c.diarienummer_year END,
            diarienummer_running_number = CASE WHEN c.diarienummer IS NULL THEN m.diarienummer_running_number ELSE c.diarienummer_running_number END,
            title = coalesce(c.title, m.title),
            case_type = coalesce(c.case_type, m.case_type),
            authority_id = CASE WHEN c.authority_id IS NULL THEN m.authority_id ELSE c.authority_id END,
            authority_name = CASE WHEN c.authority_id IS NULL THEN m.authority_name ELSE c.authority_name END,
            authority_municipality = CASE WHEN c.authority_id IS NULL THEN m.authority_municipality ELSE c.authority_municipality END,
            unit_id = CASE WHEN c.unit_id IS NULL THEN m.unit_id ELSE c.unit_id END,
            unit_name = CASE WHEN c.unit_id IS NULL THEN m.unit_name ELSE c.unit_name END,
            unit_municipality = CASE WHEN c.unit_id IS NULL THEN m.unit_municipality ELSE c.unit_municipality END,
            status = coalesce(c.status, m.status),
            source_status = coalesce(c.source_status, m.source_status),
            classification = GREATEST(c.classification, m.classification),
            opened_at = LEAST(c.opened_at, m.opened_at),
            updated_at = GREATEST(c.updated_at, m.updated_at),
            last_sequence = GREATEST(c.last_sequence, m.last_sequence),
            modified_at = @Now
        FROM {s}.cases AS m
        WHERE c.id = @SurvivorId AND m.id = @MergedId
        """;

    public string MarkMerged { get; } = $"UPDATE {s}.cases SET merged_into = @SurvivorId, modified_at = @Now WHERE id = @MergedId";

    // ---------------------------------------------------------------- sub-cases and collaborations

    /// <summary>Live cases of the municipality whose huvudärendenummer is the case's ärendenummer or diarienummer.</summary>
    public string SelectSubCases { get; } = $"""
        SELECT {RelationalRows.CaseColumns} FROM {s}.cases
        WHERE municipality = @Municipality AND merged_into IS NULL AND id <> @Id
          AND (main_case_number = @CaseNumber OR main_case_number = @Diarienummer)
        ORDER BY opened_at, id
        """;

    /// <summary>
    /// The case and its sub-cases, recursively; UNION keeps each case once, so a cycle of
    /// huvudärendenummer ends instead of looping.
    /// </summary>
    public string TimelineWithSubCases { get; } = $"""
        WITH RECURSIVE tree (id, municipality, case_number, diarienummer) AS (
            SELECT id, municipality, case_number, diarienummer FROM {s}.cases WHERE id = @CaseId
            UNION
            SELECT c.id, c.municipality, c.case_number, c.diarienummer
            FROM {s}.cases c JOIN tree t ON c.municipality = t.municipality
            WHERE c.merged_into IS NULL
              AND (c.main_case_number = t.case_number OR c.main_case_number = t.diarienummer)
        )
        SELECT {RelationalRows.EventColumns} FROM {s}.events
        WHERE case_id IN (SELECT id FROM tree)
        ORDER BY occurred_at, sequence
        """;

    /// <summary>Npgsql sends <c>@CollaborationIds</c> as one text[] parameter.</summary>
    public string EventsByCollaboration { get; } = $"""
        SELECT {RelationalRows.EventColumns} FROM {s}.events
        WHERE municipality = @Municipality AND collaboration_id = ANY(@CollaborationIds)
        ORDER BY occurred_at, sequence
        """;
}
