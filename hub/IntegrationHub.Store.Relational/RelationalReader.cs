using System.Data.Common;
using Dapper;

namespace IntegrationHub.Store.Relational;

/// <summary>Runs a query and maps its rows by hand; the store's own types are never mapped by reflection.</summary>
internal static class RelationalReader
{
    public static async Task<List<T>> QueryRowsAsync<T>(
        this DbConnection connection, CommandDefinition command, IStoreTypes types, Func<RelationalRow, T> map, CancellationToken cancellationToken)
    {
        await using var reader = await connection.ExecuteReaderAsync(command);
        var row = new RelationalRow(reader, types);
        var items = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(map(row));
        }

        return items;
    }
}
