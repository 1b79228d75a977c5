using IntegrationHub.Canonical.Model;
using IntegrationHub.Store.Diary;

namespace IntegrationHub.Store.Relational;

/// <summary>Maps diary rows to the contract's records and registrations back to parameters.</summary>
internal static class DiaryRows
{
    /// <summary>The columns <see cref="ReadRegistration"/> maps.</summary>
    public const string RegistrationColumns = """
        id, municipality, diary, case_id, diarienummer, year, running_number, kind, document_number,
        event_sequence, registered_at, document_date, direction, correspondent, description, document_type,
        restriction_type, restriction_legal_reference, restriction_explanation, restriction_marked_at,
        restriction_marked_by, status, annulment_reason, version
        """;

    /// <summary>The columns <see cref="ReadConflict"/> maps.</summary>
    public const string ConflictColumns = "id, municipality, case_id, event_sequence, source_system, existing, claimed, detected_at";

    /// <summary>The parameters of <see cref="IDiaryCommands.InsertRegistration"/> and <see cref="IDiaryCommands.UpdateRegistration"/>.</summary>
    public static object Parameters(Registration registration, IStoreTypes types) => new
    {
        Id = types.Id(registration.Id),
        registration.Municipality,
        registration.Diary,
        CaseId = types.Id(registration.CaseId),
        registration.Diarienummer,
        registration.Year,
        registration.RunningNumber,
        Kind = registration.Kind.ToString(),
        registration.DocumentNumber,
        registration.EventSequence,
        RegisteredAt = types.Timestamp(registration.RegisteredAt),
        DocumentDate = types.Date(registration.DocumentDate),
        Direction = registration.Direction?.ToString(),
        registration.Correspondent,
        registration.Description,
        registration.DocumentType,
        RestrictionType = registration.Restriction?.Type.ToString(),
        RestrictionLegalReference = registration.Restriction?.LegalReference,
        RestrictionExplanation = registration.Restriction?.Explanation,
        RestrictionMarkedAt = registration.Restriction?.MarkedAt is { } markedAt ? types.Timestamp(markedAt) : null,
        RestrictionMarkedBy = registration.Restriction?.MarkedBy,
        Status = registration.Status.ToString(),
        registration.AnnulmentReason,
        registration.Version,
        SearchText = DiaryRules.SearchText(registration),
    };

    public static Registration ReadRegistration(RelationalRow row) => new()
    {
        Id = row.Id("id"),
        Municipality = row.Text("municipality"),
        Diary = row.Text("diary"),
        CaseId = row.Id("case_id"),
        Diarienummer = row.Text("diarienummer"),
        Year = row.Int("year"),
        RunningNumber = row.Int("running_number"),
        Kind = row.Named<RegistrationKind>("kind"),
        DocumentNumber = row.NullableInt("document_number"),
        EventSequence = row.NullableLong("event_sequence"),
        RegisteredAt = row.Timestamp("registered_at"),
        DocumentDate = row.Date("document_date"),
        Direction = row.NullableNamed<DocumentDirection>("direction"),
        Correspondent = row.NullableText("correspondent"),
        Description = row.Text("description"),
        DocumentType = row.NullableText("document_type"),
        Restriction = row.NullableNamed<RestrictionType>("restriction_type") is { } type
            ? new RegistrationRestriction(
                type,
                row.NullableText("restriction_legal_reference"),
                row.NullableText("restriction_explanation"),
                row.NullableTimestamp("restriction_marked_at"),
                row.NullableText("restriction_marked_by"))
            : null,
        Status = row.Named<RegistrationStatus>("status"),
        AnnulmentReason = row.NullableText("annulment_reason"),
        Version = row.Int("version"),
    };

    public static RegistrationChange ReadChange(RelationalRow row) => new(
        row.Id("registration_id"),
        row.Int("version"),
        row.Timestamp("changed_at"),
        row.Text("changed_by"),
        row.Text("reason"),
        DiaryRules.FromJson(row.Text("before")));

    public static DiaryConflict ReadConflict(RelationalRow row) => new(
        row.Id("id"),
        row.Text("municipality"),
        row.Id("case_id"),
        row.Long("event_sequence"),
        row.Text("source_system"),
        row.Text("existing"),
        row.Text("claimed"),
        row.Timestamp("detected_at"));
}
