using System.Data.Common;
using System.Text;
using Dapper;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Canonical.Serialization;

namespace IntegrationHub.Store.Relational;

/// <summary>Maps event and case rows to the contract's records.</summary>
internal static class RelationalRows
{
    /// <summary>The columns <see cref="ReadEventsAsync"/> maps.</summary>
    public const string EventColumns = "sequence, received_at, case_id, payload, diarienummer, document_number";

    /// <summary>The columns <see cref="ReadCasesAsync"/> maps.</summary>
    public const string CaseColumns = """
        id, municipality, source_system, source_case_id, case_number, main_case_number,
        diarienummer, diarienummer_series, diarienummer_year, diarienummer_running_number,
        title, case_type, authority_id, authority_name, authority_municipality,
        unit_id, unit_name, unit_municipality, status, source_status, classification,
        opened_at, updated_at, last_sequence, merged_into
        """;

    public static Task<List<StoredEvent>> ReadEventsAsync(DbConnection connection, CommandDefinition command, IStoreTypes types, CancellationToken cancellationToken) =>
        connection.QueryRowsAsync(command, types, ReadEvent, cancellationToken);

    public static Task<List<CaseRecord>> ReadCasesAsync(DbConnection connection, CommandDefinition command, IStoreTypes types, CancellationToken cancellationToken) =>
        connection.QueryRowsAsync(command, types, ReadCase, cancellationToken);

    /// <summary>The diarienummer columns of a case row, null when it has none.</summary>
    public static Diarienummer? ReadDiarienummer(RelationalRow row) =>
        row.NullableText("diarienummer") is { } value
            ? new Diarienummer(value, row.NullableText("diarienummer_series"), row.NullableInt("diarienummer_year"), row.NullableInt("diarienummer_running_number"))
            : null;

    public static StoredEvent ReadEvent(RelationalRow row) => new(
        row.Long("sequence"),
        row.Timestamp("received_at"),
        row.NullableId("case_id"),
        // The payload column (text, or PostgreSQL json) returns the text exactly as it was written.
        CaseEventFormatter.DecodeStructured(Encoding.UTF8.GetBytes(row.Text("payload"))),
        row.NullableText("diarienummer") is { } diarienummer ? new EventRegistration(diarienummer, row.NullableInt("document_number")) : null);

    private static CaseRecord ReadCase(RelationalRow row) => new()
    {
        Id = row.Id("id"),
        Municipality = row.Text("municipality"),
        SourceSystem = row.Text("source_system"),
        SourceCaseId = row.Text("source_case_id"),
        CaseNumber = row.NullableText("case_number"),
        MainCaseNumber = row.NullableText("main_case_number"),
        Diarienummer = ReadDiarienummer(row),
        Title = row.NullableText("title"),
        CaseType = row.NullableText("case_type"),
        Authority = row.NullableText("authority_id") is { } authorityId
            ? new OrganisationRef(authorityId, row.NullableText("authority_name"), row.NullableText("authority_municipality"))
            : null,
        Unit = row.NullableText("unit_id") is { } unitId
            ? new OrganisationRef(unitId, row.NullableText("unit_name"), row.NullableText("unit_municipality"))
            : null,
        Status = row.NullableNamed<CaseStatus>("status"),
        SourceStatus = row.NullableText("source_status"),
        Classification = row.Classification("classification"),
        OpenedAt = row.Timestamp("opened_at"),
        UpdatedAt = row.Timestamp("updated_at"),
        LastSequence = row.Long("last_sequence"),
        MergedInto = row.NullableId("merged_into"),
    };
}
