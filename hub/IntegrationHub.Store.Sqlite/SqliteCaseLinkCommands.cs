using IntegrationHub.Store.Relational;

namespace IntegrationHub.Store.Sqlite;

/// <summary>
/// The SQL of cross-system case correlation on SQLite: source ids, relations, merges and sub-cases.
/// Writers are serialised by BEGIN IMMEDIATE, so a look-up followed by a write cannot race another writer.
/// </summary>
internal sealed class SqliteCaseLinkCommands : ICaseLinkCommands
{
    public string SelectCaseIdBySource { get; } = """
        SELECT case_id FROM case_source_ids
        WHERE municipality = @Municipality AND source_system = @SourceSystem AND source_case_id = @SourceCaseId
        """;

    public string InsertSourceId { get; } = """
        INSERT INTO case_source_ids (municipality, source_system, source_case_id, case_id, linked_at, via)
        VALUES (@Municipality, @SourceSystem, @SourceCaseId, @CaseId, @LinkedAt, @Via)
        """;

    public string SelectSourceIds { get; } = """
        SELECT source_system, source_case_id, linked_at, via FROM case_source_ids
        WHERE case_id = @CaseId ORDER BY linked_at, id
        """;

    public string InsertRelation { get; } = """
        INSERT INTO case_relations (case_id, related_case_id, kind, collaboration_id, event_sequence)
        VALUES (@CaseId, @RelatedCaseId, @Kind, @CollaborationId, @EventSequence)
        ON CONFLICT (case_id, related_case_id, kind) DO NOTHING
        """;

    public string SelectRelations { get; } = """
        SELECT case_id, related_case_id, kind, collaboration_id, event_sequence FROM case_relations
        WHERE case_id = @CaseId OR related_case_id = @CaseId ORDER BY id
        """;

    // ---------------------------------------------------------------- merge (parameters @SurvivorId, @MergedId, @Now)

    /// <summary>The merged case's source ids now lead to the survivor.</summary>
    public string MoveSourceIds { get; } = "UPDATE case_source_ids SET case_id = @SurvivorId, linked_at = @Now, via = 'merge' WHERE case_id = @MergedId";

    public string MoveEvents { get; } = "UPDATE events SET case_id = @SurvivorId WHERE case_id = @MergedId";

    /// <summary>A party of both keeps the role of whichever case named them first.</summary>
    public string CopyParties { get; } = """
        INSERT INTO case_parties (identity_type, identity_value, case_id, role, first_sequence)
        SELECT identity_type, identity_value, @SurvivorId, role, first_sequence FROM case_parties WHERE case_id = @MergedId
        ON CONFLICT (identity_type, identity_value, case_id) DO UPDATE SET
            role = CASE WHEN excluded.first_sequence < case_parties.first_sequence THEN excluded.role ELSE case_parties.role END,
            first_sequence = min(case_parties.first_sequence, excluded.first_sequence)
        """;

    public string DeleteMergedParties { get; } = "DELETE FROM case_parties WHERE case_id = @MergedId";

    /// <summary>Re-points the merged case's relations at the survivor; relations between the two would point at itself and are dropped.</summary>
    public string CopyRelations { get; } = """
        INSERT INTO case_relations (case_id, related_case_id, kind, collaboration_id, event_sequence)
        SELECT CASE WHEN case_id = @MergedId THEN @SurvivorId ELSE case_id END,
               CASE WHEN related_case_id = @MergedId THEN @SurvivorId ELSE related_case_id END,
               kind, collaboration_id, event_sequence
        FROM case_relations
        WHERE (case_id = @MergedId OR related_case_id = @MergedId)
          AND NOT (case_id IN (@MergedId, @SurvivorId) AND related_case_id IN (@MergedId, @SurvivorId))
        ORDER BY id
        ON CONFLICT (case_id, related_case_id, kind) DO NOTHING
        """;

    public string DeleteMergedRelations { get; } = "DELETE FROM case_relations WHERE case_id = @MergedId OR related_case_id = @MergedId";

    /// <summary>The survivor keeps its own fields and takes the merged case's where it has none.</summary>
    public string AbsorbMergedFields { get; } = """
        UPDATE cases SET
            case_number = coalesce(cases.case_number, m.case_number),
            main_case_number = coalesce(cases.main_case_number, m.main_case_number),
            diarienummer = CASE WHEN cases.diarienummer IS NULL THEN m.diarienummer ELSE cases.diarienummer END,
            diarienummer_series = CASE WHEN cases.diarienummer IS NULL THEN m.diarienummer_series ELSE cases.diarienummer_series END,
            diarienummer_year = CASE WHEN cases.diarienummer IS NULL THEN m.diarienummer_year ELSE cases.diarienummer_year END,
            diarienummer_running_number = CASE WHEN cases.diarienummer IS NULL THEN m.diarienummer_running_number ELSE cases.diarienummer_running_number END,
            title = coalesce(cases.title, m.title),
            case_type = coalesce(cases.case_type, m.case_type),
            authority_id = CASE WHEN cases.authority_id IS NULL THEN m.authority_id ELSE cases.authority_id END,
            authority_name = CASE WHEN cases.authority_id IS NULL THEN m.authority_name ELSE cases.authority_name END,
            authority_municipality = CASE WHEN cases.authority_id IS NULL THEN m.authority_municipality ELSE cases.authority_municipality END,
            unit_id = CASE WHEN cases.unit_id IS NULL THEN m.unit_id ELSE cases.unit_id END,
            unit_name = CASE WHEN cases.unit_id IS NULL THEN m.unit_name ELSE cases.unit_name END,
            unit_municipality = CASE WHEN cases.unit_id IS NULL THEN m.unit_municipality ELSE cases.unit_municipality END,
            status = coalesce(cases.status, m.status),
            source_status = coalesce(cases.source_status, m.source_status),
            classification = max(cases.classification, m.classification),
            opened_at = min(cases.opened_at, m.opened_at),
            updated_at = max(cases.updated_at, m.updated_at),
            last_sequence = max(cases.last_sequence, m.last_sequence),
            modified_at = @Now
        FROM (SELECT * FROM cases WHERE id = @MergedId) AS m
        WHERE cases.id = @SurvivorId
        """;

    public string MarkMerged { get; } = "UPDATE cases SET merged_into = @SurvivorId, modified_at = @Now WHERE id = @MergedId";

    // ---------------------------------------------------------------- sub-cases and collaborations

    /// <summary>Live cases of the municipality whose huvudärendenummer is the case's ärendenummer or diarienummer.</summary>
    public string SelectSubCases { get; } = $"""
        SELECT {RelationalRows.CaseColumns} FROM cases
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
            SELECT id, municipality, case_number, diarienummer FROM cases WHERE id = @CaseId
            UNION
            SELECT c.id, c.municipality, c.case_number, c.diarienummer
            FROM cases c JOIN tree t ON c.municipality = t.municipality
            WHERE c.merged_into IS NULL
              AND (c.main_case_number = t.case_number OR c.main_case_number = t.diarienummer)
        )
        SELECT {RelationalRows.EventColumns} FROM events
        WHERE case_id IN (SELECT id FROM tree)
        ORDER BY occurred_at, sequence
        """;

    /// <summary>Dapper expands <c>@CollaborationIds</c> into one parameter per id.</summary>
    public string EventsByCollaboration { get; } = $"""
        SELECT {RelationalRows.EventColumns} FROM events
        WHERE municipality = @Municipality AND collaboration_id IN @CollaborationIds
        ORDER BY occurred_at, sequence
        """;
}
