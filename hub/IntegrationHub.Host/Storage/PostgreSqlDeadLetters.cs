using System.Text;
using IntegrationHub.Hub.DeadLetters;
using Npgsql;

namespace IntegrationHub.Host.Storage;

/// <summary>The error queue of Rebus.PostgreSql: rows of its message table addressed to <see cref="HubBus.ErrorQueue"/>.</summary>
public sealed class PostgreSqlDeadLetters(string connectionString, string table) : IDeadLetters
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<DeadLetter>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT id, headers, body FROM {table} WHERE recipient = @error ORDER BY id LIMIT @limit", connection);
        command.Parameters.AddWithValue("error", HubBus.ErrorQueue);
        command.Parameters.AddWithValue("limit", limit);
        var letters = new List<DeadLetter>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            letters.Add(DeadLetterHeaders.Describe(reader.GetInt32(0), DeadLetterHeaders.Parse(Encoding.UTF8.GetString((byte[])reader.GetValue(1))),
                Encoding.UTF8.GetString((byte[])reader.GetValue(2)), HubBus.InputQueue));
        }

        return letters;
    }

    /// <inheritdoc />
    public async Task<bool> ReplayAsync(long id, CancellationToken cancellationToken) =>
        await ReplayWhereAsync("AND id = @id", id, cancellationToken) == 1;

    /// <inheritdoc />
    public Task<int> ReplayAllAsync(CancellationToken cancellationToken) => ReplayWhereAsync(string.Empty, null, cancellationToken);

    /// <inheritdoc />
    public Task<int> ReplayMatchingAsync(IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken) =>
        ReplayWhereAsync(string.Empty, null, cancellationToken, headers);

    private async Task<int> ReplayWhereAsync(string condition, long? id, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? headers = null)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var rows = new List<(int Id, Dictionary<string, string> Headers)>();
        await using (var select = new NpgsqlCommand($"SELECT id, headers FROM {table} WHERE recipient = @error {condition} ORDER BY id FOR UPDATE", connection, transaction))
        {
            select.Parameters.AddWithValue("error", HubBus.ErrorQueue);
            select.Parameters.AddWithValue("id", (int)(id ?? 0));
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetInt32(0), DeadLetterHeaders.Parse(Encoding.UTF8.GetString((byte[])reader.GetValue(1)))));
            }
        }

        // Headers are a serialised dictionary in both transports, so a header filter is applied here rather than in SQL.
        rows.RemoveAll(r => !DeadLetterHeaders.Matches(r.Headers, headers));
        foreach (var (rowId, rowHeaders) in rows)
        {
            await using var update = new NpgsqlCommand($"UPDATE {table} SET recipient = @queue, headers = @headers, visible = now() WHERE id = @id AND recipient = @error", connection, transaction);
            update.Parameters.AddWithValue("queue", rowHeaders.GetValueOrDefault(DeadLetterHeaders.SourceQueue) ?? HubBus.InputQueue);
            update.Parameters.AddWithValue("headers", Encoding.UTF8.GetBytes(DeadLetterHeaders.ForReplay(rowHeaders)));
            update.Parameters.AddWithValue("id", rowId);
            update.Parameters.AddWithValue("error", HubBus.ErrorQueue);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return rows.Count;
    }
}
