using System.Data.Common;
using Dapper;
using IntegrationHub.Store.Cases;

namespace IntegrationHub.Store.PostgreSql;

/// <summary>Maps correlation rows to the contract's records, by hand.</summary>
internal static class PostgreSqlCaseLinkRows
{
    public static async Task<List<CaseSourceId>> ReadSourceIdsAsync(DbConnection connection, CommandDefinition command, CancellationToken cancellationToken)
    {
        await using var reader = await connection.ExecuteReaderAsync(command);
        var sourceIds = new List<CaseSourceId>();
        while (await reader.ReadAsync(cancellationToken))
        {
            sourceIds.Add(new CaseSourceId(
                reader.GetString(reader.GetOrdinal("source_system")),
                reader.GetString(reader.GetOrdinal("source_case_id")),
                reader.GetFieldValue<DateTimeOffset>(reader.GetOrdinal("linked_at")),
                reader.GetString(reader.GetOrdinal("via"))));
        }

        return sourceIds;
    }

    public static async Task<List<CaseRelation>> ReadRelationsAsync(DbConnection connection, CommandDefinition command, CancellationToken cancellationToken)
    {
        await using var reader = await connection.ExecuteReaderAsync(command);
        var relations = new List<CaseRelation>();
        while (await reader.ReadAsync(cancellationToken))
        {
            relations.Add(new CaseRelation(
                reader.GetGuid(reader.GetOrdinal("case_id")),
                reader.GetGuid(reader.GetOrdinal("related_case_id")),
                Enum.Parse<CaseRelationKind>(reader.GetString(reader.GetOrdinal("kind"))),
                PostgreSqlRows.NullableText(reader, "collaboration_id"),
                reader.GetInt64(reader.GetOrdinal("event_sequence"))));
        }

        return relations;
    }
}
