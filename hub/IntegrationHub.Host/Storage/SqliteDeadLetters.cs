using IntegrationHub.Hub.DeadLetters;
using IntegrationHub.Messaging.Sqlite;
using Microsoft.Data.Sqlite;

namespace IntegrationHub.Host.Storage;

/// <summary>The error queue of the SQLite transport: rows of its message table addressed to <see cref="HubBus.ErrorQueue"/>.</summary>
public sealed class SqliteDeadLetters(string databasePath) : IDeadLetters
{
    private const string Table = SqliteTransportOptions.DefaultTableName;

    /// <inheritdoc />
    public async Task<IReadOnlyList<DeadLetter>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT id, headers, body FROM {Table} WHERE recipient = $error ORDER BY id LIMIT $limit";
        command.Parameters.AddWithValue("$error", HubBus.ErrorQueue);
        command.Parameters.AddWithValue("$limit", limit);
        var letters = new List<DeadLetter>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            letters.Add(DeadLetterHeaders.Describe(reader.GetInt64(0), DeadLetterHeaders.Parse(reader.GetString(1)),
                System.Text.Encoding.UTF8.GetString((byte[])reader.GetValue(2)), HubBus.InputQueue));
        }

        return letters;
    }

    /// <inheritdoc />
    public async Task<bool> ReplayAsync(long id, CancellationToken cancellationToken) =>
        await ReplayWhereAsync("AND id = $id", id, cancellationToken) == 1;

    /// <inheritdoc />
    public Task<int> ReplayAllAsync(CancellationToken cancellationToken) => ReplayWhereAsync(string.Empty, null, cancellationToken);

    /// <inheritdoc />
    public Task<int> ReplayMatchingAsync(IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken) =>
        ReplayWhereAsync(string.Empty, null, cancellationToken, headers);

    private async Task<int> ReplayWhereAsync(string condition, long? id, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? headers = null)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var rows = new List<(long Id, Dictionary<string, string> Headers)>();
        await using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = $"SELECT id, headers FROM {Table} WHERE recipient = $error {condition} ORDER BY id";
            select.Parameters.AddWithValue("$error", HubBus.ErrorQueue);
            select.Parameters.AddWithValue("$id", id ?? 0);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetInt64(0), DeadLetterHeaders.Parse(reader.GetString(1))));
            }
        }

        // Headers are a serialised dictionary in both transports, so a header filter is applied here rather than in SQL.
        rows.RemoveAll(r => !DeadLetterHeaders.Matches(r.Headers, headers));
        foreach (var (rowId, rowHeaders) in rows)
        {
            await using var update = connection.CreateCommand();
            update.Transaction = transaction;
            // Visible at once (0 is before any clock); the transport's receive order keeps FIFO by id.
            update.CommandText = $"UPDATE {Table} SET recipient = $queue, headers = $headers, visible_after = 0 WHERE id = $id";
            update.Parameters.AddWithValue("$queue", rowHeaders.GetValueOrDefault(DeadLetterHeaders.SourceQueue) ?? HubBus.InputQueue);
            update.Parameters.AddWithValue("$headers", DeadLetterHeaders.ForReplay(rowHeaders));
            update.Parameters.AddWithValue("$id", rowId);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return rows.Count;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            DefaultTimeout = 30,
        }.ToString());
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
