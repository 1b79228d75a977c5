using System.Data.Common;
using Dapper;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Store.Diary;

namespace IntegrationHub.Store.PostgreSql;

/// <summary>Maps diary rows to the contract's records and back, by hand.</summary>
internal static class PostgreSqlDiaryRows
{
    public static async Task<List<Registration>> ReadRegistrationsAsync(DbConnection connection, CommandDefinition command, CancellationToken cancellationToken)
    {
        await using var reader = await connection.ExecuteReaderAsync(command);
        var registrations = new List<Registration>();
        while (await reader.ReadAsync(cancellationToken))
        {
            registrations.Add(ReadRegistration(reader));
        }

        return registrations;
    }

    public static async Task<List<RegistrationChange>> ReadHistoryAsync(DbConnection connection, CommandDefinition command, CancellationToken cancellationToken)
    {
        await using var reader = await connection.ExecuteReaderAsync(command);
        var changes = new List<RegistrationChange>();
        while (await reader.ReadAsync(cancellationToken))
        {
            changes.Add(new RegistrationChange(
                reader.GetGuid(reader.GetOrdinal("registration_id")),
                reader.GetInt32(reader.GetOrdinal("version")),
                reader.GetFieldValue<DateTimeOffset>(reader.GetOrdinal("changed_at")),
                reader.GetString(reader.GetOrdinal("changed_by")),
                reader.GetString(reader.GetOrdinal("reason")),
                PostgreSqlDiaryRules.FromJson(reader.GetString(reader.GetOrdinal("before")))));
        }

        return changes;
    }

    public static async Task<List<DiaryConflict>> ReadConflictsAsync(DbConnection connection, CommandDefinition command, CancellationToken cancellationToken)
    {
        await using var reader = await connection.ExecuteReaderAsync(command);
        var conflicts = new List<DiaryConflict>();
        while (await reader.ReadAsync(cancellationToken))
        {
            conflicts.Add(new DiaryConflict(
                reader.GetGuid(reader.GetOrdinal("id")),
                reader.GetString(reader.GetOrdinal("municipality")),
                reader.GetGuid(reader.GetOrdinal("case_id")),
                reader.GetInt64(reader.GetOrdinal("event_sequence")),
                reader.GetString(reader.GetOrdinal("source_system")),
                reader.GetString(reader.GetOrdinal("existing")),
                reader.GetString(reader.GetOrdinal("claimed")),
                reader.GetFieldValue<DateTimeOffset>(reader.GetOrdinal("detected_at"))));
        }

        return conflicts;
    }

    /// <summary>The diarienummer columns of a case: null when there is no such case, else what the case has.</summary>
    public static async Task<Diarienummer?> ReadCaseDiarienummerAsync(DbConnection connection, CommandDefinition command, CancellationToken cancellationToken)
    {
        await using var reader = await connection.ExecuteReaderAsync(command);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return PostgreSqlRows.NullableText(reader, "diarienummer") is { } value
            ? new Diarienummer(
                value,
                PostgreSqlRows.NullableText(reader, "diarienummer_series"),
                PostgreSqlRows.NullableInt(reader, "diarienummer_year"),
                PostgreSqlRows.NullableInt(reader, "diarienummer_running_number"))
            : throw new InvalidOperationException("The case still has no diarienummer after setting one.");
    }

    /// <summary>The parameters of the registration insert and update; timestamps in UTC, as Npgsql writes timestamptz.</summary>
    public static object Parameters(Registration registration) => new
    {
        registration.Id,
        registration.Municipality,
        registration.Diary,
        registration.CaseId,
        registration.Diarienummer,
        registration.Year,
        registration.RunningNumber,
        Kind = registration.Kind.ToString(),
        registration.DocumentNumber,
        registration.EventSequence,
        RegisteredAt = registration.RegisteredAt.ToUniversalTime(),
        registration.DocumentDate,
        Direction = registration.Direction?.ToString(),
        registration.Correspondent,
        registration.Description,
        registration.DocumentType,
        RestrictionType = registration.Restriction?.Type.ToString(),
        RestrictionLegalReference = registration.Restriction?.LegalReference,
        RestrictionExplanation = registration.Restriction?.Explanation,
        RestrictionMarkedAt = registration.Restriction?.MarkedAt?.ToUniversalTime(),
        RestrictionMarkedBy = registration.Restriction?.MarkedBy,
        Status = registration.Status.ToString(),
        registration.AnnulmentReason,
        registration.Version,
        SearchText = PostgreSqlDiaryRules.SearchText(registration),
    };

    private static Registration ReadRegistration(DbDataReader reader) => new()
    {
        Id = reader.GetGuid(reader.GetOrdinal("id")),
        Municipality = reader.GetString(reader.GetOrdinal("municipality")),
        Diary = reader.GetString(reader.GetOrdinal("diary")),
        CaseId = reader.GetGuid(reader.GetOrdinal("case_id")),
        Diarienummer = reader.GetString(reader.GetOrdinal("diarienummer")),
        Year = reader.GetInt32(reader.GetOrdinal("year")),
        RunningNumber = reader.GetInt32(reader.GetOrdinal("running_number")),
        Kind = Enum.Parse<RegistrationKind>(reader.GetString(reader.GetOrdinal("kind"))),
        DocumentNumber = PostgreSqlRows.NullableInt(reader, "document_number"),
        EventSequence = PostgreSqlRows.NullableLong(reader, "event_sequence"),
        RegisteredAt = reader.GetFieldValue<DateTimeOffset>(reader.GetOrdinal("registered_at")),
        DocumentDate = reader.GetFieldValue<DateOnly>(reader.GetOrdinal("document_date")),
        Direction = PostgreSqlRows.NullableText(reader, "direction") is { } direction ? Enum.Parse<DocumentDirection>(direction) : null,
        Correspondent = PostgreSqlRows.NullableText(reader, "correspondent"),
        Description = reader.GetString(reader.GetOrdinal("description")),
        DocumentType = PostgreSqlRows.NullableText(reader, "document_type"),
        Restriction = PostgreSqlRows.NullableText(reader, "restriction_type") is { } type
            ? new RegistrationRestriction(
                Enum.Parse<RestrictionType>(type),
                PostgreSqlRows.NullableText(reader, "restriction_legal_reference"),
                PostgreSqlRows.NullableText(reader, "restriction_explanation"),
                PostgreSqlRows.NullableTime(reader, "restriction_marked_at"),
                PostgreSqlRows.NullableText(reader, "restriction_marked_by"))
            : null,
        Status = Enum.Parse<RegistrationStatus>(reader.GetString(reader.GetOrdinal("status"))),
        AnnulmentReason = PostgreSqlRows.NullableText(reader, "annulment_reason"),
        Version = reader.GetInt32(reader.GetOrdinal("version")),
    };
}
