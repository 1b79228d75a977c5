using System.Data.Common;
using Dapper;
using IntegrationHub.Store.Cases;

namespace IntegrationHub.Store.Sqlite;

/// <summary>Maps correlation rows to the contract's records, by hand.</summary>
internal static class SqliteCaseLinkRows
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
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(reader.GetOrdinal("linked_at"))),
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
                Guid.Parse(reader.GetString(reader.GetOrdinal("case_id"))),
                Guid.Parse(reader.GetString(reader.GetOrdinal("related_case_id"))),
                Enum.Parse<CaseRelationKind>(reader.GetString(reader.GetOrdinal("kind"))),
                SqliteRows.NullableText(reader, "collaboration_id"),
                reader.GetInt64(reader.GetOrdinal("event_sequence"))));
        }

        return relations;
    }
}
