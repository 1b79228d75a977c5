using Npgsql;

namespace IntegrationHub.Bench.Common;

/// <summary>The fresh PostgreSQL schema each bench run gives the hub, and its removal afterwards.</summary>
public static class PostgresSchema
{
    /// <summary>A new schema name, unique to this run.</summary>
    public static string NewName() => "bench_" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>Drops the hub's schema with the Rebus tables beside it; says so (or why not) on <paramref name="progress"/>.</summary>
    public static async Task DropAsync(string connectionString, string schema, TextWriter progress)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                $"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE; DROP TABLE IF EXISTS \"{schema}_rebus_messages\", \"{schema}_rebus_outbox\";", connection);
            await command.ExecuteNonQueryAsync();
            await progress.WriteLineAsync($"[bench] postgresql: dropped schema {schema} and its Rebus tables");
        }
        catch (NpgsqlException e)
        {
            await progress.WriteLineAsync($"[bench] postgresql: could not drop schema {schema} ({e.Message}); drop it by hand");
        }
    }
}
