using System.Data.Common;
using System.Globalization;
using Dapper;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Store.Diary;

namespace IntegrationHub.Store.Sqlite;

/// <summary>Maps diary rows to the contract's records and back, by hand.</summary>
internal static class SqliteDiaryRows
{
    private const string DateFormat = "yyyy-MM-dd";

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
                Guid.Parse(reader.GetString(reader.GetOrdinal("registration_id"))),
                reader.GetInt32(reader.GetOrdinal("version")),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(reader.GetOrdinal("changed_at"))),
                reader.GetString(reader.GetOrdinal("changed_by")),
                reader.GetString(reader.GetOrdinal("reason")),
                SqliteDiaryRules.FromJson(reader.GetString(reader.GetOrdinal("before")))));
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
                Guid.Parse(reader.GetString(reader.GetOrdinal("id"))),
                reader.GetString(reader.GetOrdinal("municipality")),
                Guid.Parse(reader.GetString(reader.GetOrdinal("case_id"))),
                reader.GetInt64(reader.GetOrdinal("event_sequence")),
                reader.GetString(reader.GetOrdinal("source_system")),
                reader.GetString(reader.GetOrdinal("existing")),
                reader.GetString(reader.GetOrdinal("claimed")),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(reader.GetOrdinal("detected_at")))));
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

        return SqliteRows.NullableText(reader, "diarienummer") is { } value
            ? new Diarienummer(
                value,
                SqliteRows.NullableText(reader, "diarienummer_series"),
                SqliteRows.NullableInt(reader, "diarienummer_year"),
                SqliteRows.NullableInt(reader, "diarienummer_running_number"))
            : throw new InvalidOperationException("The case still has no diarienummer after setting one.");
    }

    /// <summary>The parameters of <see cref="SqliteDiaryCommands.InsertRegistration"/> and <see cref="SqliteDiaryCommands.UpdateRegistration"/>.</summary>
    public static object Parameters(Registration registration) => new
    {
        Id = SqliteRows.Text(registration.Id),
        registration.Municipality,
        registration.Diary,
        CaseId = SqliteRows.Text(registration.CaseId),
        registration.Diarienummer,
        registration.Year,
        registration.RunningNumber,
        Kind = registration.Kind.ToString(),
        registration.DocumentNumber,
        registration.EventSequence,
        RegisteredAt = registration.RegisteredAt.ToUnixTimeMilliseconds(),
        DocumentDate = Date(registration.DocumentDate),
        Direction = registration.Direction?.ToString(),
        registration.Correspondent,
        registration.Description,
        registration.DocumentType,
        RestrictionType = registration.Restriction?.Type.ToString(),
        RestrictionLegalReference = registration.Restriction?.LegalReference,
        RestrictionExplanation = registration.Restriction?.Explanation,
        RestrictionMarkedAt = registration.Restriction?.MarkedAt?.ToUnixTimeMilliseconds(),
        RestrictionMarkedBy = registration.Restriction?.MarkedBy,
        Status = registration.Status.ToString(),
        registration.AnnulmentReason,
        registration.Version,
        SearchText = SqliteDiaryRules.SearchText(registration),
    };

    /// <summary>Dates are stored as yyyy-MM-dd text, which sorts and compares as dates.</summary>
    public static string Date(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static Registration ReadRegistration(DbDataReader reader) => new()
    {
        Id = Guid.Parse(reader.GetString(reader.GetOrdinal("id"))),
        Municipality = reader.GetString(reader.GetOrdinal("municipality")),
        Diary = reader.GetString(reader.GetOrdinal("diary")),
        CaseId = Guid.Parse(reader.GetString(reader.GetOrdinal("case_id"))),
        Diarienummer = reader.GetString(reader.GetOrdinal("diarienummer")),
        Year = reader.GetInt32(reader.GetOrdinal("year")),
        RunningNumber = reader.GetInt32(reader.GetOrdinal("running_number")),
        Kind = Enum.Parse<RegistrationKind>(reader.GetString(reader.GetOrdinal("kind"))),
        DocumentNumber = SqliteRows.NullableInt(reader, "document_number"),
        EventSequence = SqliteRows.NullableLong(reader, "event_sequence"),
        RegisteredAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(reader.GetOrdinal("registered_at"))),
        DocumentDate = DateOnly.ParseExact(reader.GetString(reader.GetOrdinal("document_date")), DateFormat, CultureInfo.InvariantCulture),
        Direction = SqliteRows.NullableText(reader, "direction") is { } direction ? Enum.Parse<DocumentDirection>(direction) : null,
        Correspondent = SqliteRows.NullableText(reader, "correspondent"),
        Description = reader.GetString(reader.GetOrdinal("description")),
        DocumentType = SqliteRows.NullableText(reader, "document_type"),
        Restriction = SqliteRows.NullableText(reader, "restriction_type") is { } type
            ? new RegistrationRestriction(
                Enum.Parse<RestrictionType>(type),
                SqliteRows.NullableText(reader, "restriction_legal_reference"),
                SqliteRows.NullableText(reader, "restriction_explanation"),
                SqliteRows.NullableTime(reader, "restriction_marked_at"),
                SqliteRows.NullableText(reader, "restriction_marked_by"))
            : null,
        Status = Enum.Parse<RegistrationStatus>(reader.GetString(reader.GetOrdinal("status"))),
        AnnulmentReason = SqliteRows.NullableText(reader, "annulment_reason"),
        Version = reader.GetInt32(reader.GetOrdinal("version")),
    };
}
