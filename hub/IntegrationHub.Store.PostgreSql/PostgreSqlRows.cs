using System.Data.Common;
using System.Text;
using Dapper;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Canonical.Serialization;

namespace IntegrationHub.Store.PostgreSql;

/// <summary>Maps result rows by column name; the store's own types are mapped by hand rather than by reflection.</summary>
internal static class PostgreSqlRows
{
    public static async Task<List<StoredEvent>> ReadEventsAsync(DbConnection connection, CommandDefinition command, CancellationToken cancellationToken)
    {
        await using var reader = await connection.ExecuteReaderAsync(command);
        var events = new List<StoredEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var caseId = reader.GetOrdinal("case_id");
            events.Add(new StoredEvent(
                reader.GetInt64(reader.GetOrdinal("sequence")),
                reader.GetFieldValue<DateTimeOffset>(reader.GetOrdinal("received_at")),
                reader.IsDBNull(caseId) ? null : reader.GetGuid(caseId),
                // A json column returns the text exactly as it was written.
                CaseEventFormatter.DecodeStructured(Encoding.UTF8.GetBytes(reader.GetString(reader.GetOrdinal("payload")))),
                NullableText(reader, "diarienummer") is { } diarienummer
                    ? new EventRegistration(diarienummer, NullableInt(reader, "document_number"))
                    : null));
        }

        return events;
    }

    public static async Task<List<CaseRecord>> ReadCasesAsync(DbConnection connection, CommandDefinition command, CancellationToken cancellationToken)
    {
        await using var reader = await connection.ExecuteReaderAsync(command);
        var cases = new List<CaseRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            cases.Add(ReadCase(reader));
        }

        return cases;
    }

    private static CaseRecord ReadCase(DbDataReader reader) => new()
    {
        Id = reader.GetGuid(reader.GetOrdinal("id")),
        Municipality = reader.GetString(reader.GetOrdinal("municipality")),
        SourceSystem = reader.GetString(reader.GetOrdinal("source_system")),
        SourceCaseId = reader.GetString(reader.GetOrdinal("source_case_id")),
        CaseNumber = NullableText(reader, "case_number"),
        MainCaseNumber = NullableText(reader, "main_case_number"),
        Diarienummer = NullableText(reader, "diarienummer") is { } value
            ? new Diarienummer(value, NullableText(reader, "diarienummer_series"), NullableInt(reader, "diarienummer_year"), NullableInt(reader, "diarienummer_running_number"))
            : null,
        Title = NullableText(reader, "title"),
        CaseType = NullableText(reader, "case_type"),
        Authority = NullableText(reader, "authority_id") is { } authorityId
            ? new OrganisationRef(authorityId, NullableText(reader, "authority_name"), NullableText(reader, "authority_municipality"))
            : null,
        Unit = NullableText(reader, "unit_id") is { } unitId
            ? new OrganisationRef(unitId, NullableText(reader, "unit_name"), NullableText(reader, "unit_municipality"))
            : null,
        Status = NullableText(reader, "status") is { } status ? Enum.Parse<CaseStatus>(status) : null,
        SourceStatus = NullableText(reader, "source_status"),
        Classification = (DataClassification)reader.GetInt16(reader.GetOrdinal("classification")),
        OpenedAt = reader.GetFieldValue<DateTimeOffset>(reader.GetOrdinal("opened_at")),
        UpdatedAt = reader.GetFieldValue<DateTimeOffset>(reader.GetOrdinal("updated_at")),
        LastSequence = reader.GetInt64(reader.GetOrdinal("last_sequence")),
        MergedInto = NullableGuid(reader, "merged_into"),
    };

    public static string? NullableText(DbDataReader reader, string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
    }

    public static int? NullableInt(DbDataReader reader, string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);
    }

    public static long? NullableLong(DbDataReader reader, string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);
    }

    public static Guid? NullableGuid(DbDataReader reader, string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : reader.GetGuid(ordinal);
    }

    public static DateTimeOffset? NullableTime(DbDataReader reader, string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);
    }
}
