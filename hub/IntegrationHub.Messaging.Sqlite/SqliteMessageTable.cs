using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Rebus.Messages;

namespace IntegrationHub.Messaging.Sqlite;

/// <summary>
/// The SQL of the one table that holds every queue. Times are Unix milliseconds from the transport's clock, so a test
/// clock controls visibility and expiry just like it controls Rebus.
/// </summary>
internal sealed class SqliteMessageTable
{
    private readonly string _create;
    private readonly string _insert;
    private readonly string _hasVisible;
    private readonly string _takeNext;
    private readonly string _leaseNext;
    private readonly string _deleteLeased;
    private readonly string _releaseLease;
    private readonly string _deleteExpired;

    /// <param name="name">A name already checked by <see cref="SqlIdentifier"/>, so splicing it into SQL is safe.</param>
    public SqliteMessageTable(string name)
    {
        Name = SqlIdentifier.Validate(name, nameof(name));
        var table = $"\"{name}\"";
        const string Visible = "recipient = $recipient AND visible_after <= $now AND (expiration IS NULL OR expiration > $now)";

        _create = $"""
            CREATE TABLE IF NOT EXISTS {table} (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                recipient TEXT NOT NULL,
                priority INTEGER NOT NULL DEFAULT 0,
                visible_after INTEGER NOT NULL,
                expiration INTEGER NULL,
                headers TEXT NOT NULL,
                body BLOB NOT NULL
            );
            CREATE INDEX IF NOT EXISTS "ix_{name}_receive" ON {table} (recipient, priority DESC, visible_after, id);
            CREATE INDEX IF NOT EXISTS "ix_{name}_expiration" ON {table} (expiration) WHERE expiration IS NOT NULL;
            """;
        _insert = $"""
            INSERT INTO {table} (recipient, priority, visible_after, expiration, headers, body)
            VALUES ($recipient, $priority, $visible_after, $expiration, $headers, $body);
            """;
        _hasVisible = $"SELECT EXISTS (SELECT 1 FROM {table} WHERE {Visible});";
        // The receive index orders by (priority DESC, visible_after, id): highest priority first, then FIFO.
        const string Next = "ORDER BY priority DESC, visible_after, id LIMIT 1";
        _takeNext = $"""
            DELETE FROM {table}
            WHERE id = (SELECT id FROM {table} WHERE {Visible} {Next})
            RETURNING headers, body;
            """;
        // A lease is the row's visible_after moved to the lease's end; (id, that value) identifies the lease, because a
        // row can only be leased again once it is visible, i.e. later, and ids are never reused (AUTOINCREMENT).
        _leaseNext = $"""
            UPDATE {table} SET visible_after = $lease_until
            WHERE id = (SELECT id FROM {table} WHERE {Visible} {Next})
            RETURNING id, headers, body;
            """;
        _deleteLeased = $"DELETE FROM {table} WHERE id = $id AND visible_after = $lease_until;";
        _releaseLease = $"UPDATE {table} SET visible_after = $now WHERE id = $id AND visible_after = $lease_until;";
        _deleteExpired = $"DELETE FROM {table} WHERE expiration IS NOT NULL AND expiration <= $now;";
    }

    /// <summary>The table name.</summary>
    public string Name { get; }

    /// <summary>Creates the table and its indexes when missing.</summary>
    public void EnsureCreated(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _create;
        command.ExecuteNonQuery();
    }

    /// <summary>Inserts rows with the given transaction (the caller's, a handler's or the transport's own).</summary>
    public async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyCollection<OutgoingMessageRow> rows, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = _insert;
        var recipient = command.Parameters.Add("$recipient", SqliteType.Text);
        var priority = command.Parameters.Add("$priority", SqliteType.Integer);
        var visibleAfter = command.Parameters.Add("$visible_after", SqliteType.Integer);
        var expiration = command.Parameters.Add("$expiration", SqliteType.Integer);
        var headers = command.Parameters.Add("$headers", SqliteType.Text);
        var body = command.Parameters.Add("$body", SqliteType.Blob);
        foreach (var row in rows)
        {
            recipient.Value = row.Recipient;
            priority.Value = row.Priority;
            visibleAfter.Value = row.VisibleAfter;
            expiration.Value = row.Expiration is { } value ? value : DBNull.Value;
            headers.Value = row.Headers;
            body.Value = row.Body;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>A read without the write lock: is anything receivable in <paramref name="queue"/>?</summary>
    public async Task<bool> HasVisibleMessageAsync(SqliteConnection connection, string queue, long now, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _hasVisible;
        command.Parameters.AddWithValue("$recipient", queue);
        command.Parameters.AddWithValue("$now", now);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) != 0;
    }

    /// <summary>Deletes and returns the next receivable message of <paramref name="queue"/>, inside <paramref name="transaction"/>.</summary>
    public async Task<TransportMessage?> TakeNextAsync(SqliteConnection connection, SqliteTransaction transaction, string queue, long now, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = _takeNext;
        command.Parameters.AddWithValue("$recipient", queue);
        command.Parameters.AddWithValue("$now", now);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadMessage(reader, 0) : null;
    }

    /// <summary>
    /// Leases the next receivable message of <paramref name="queue"/>: makes it invisible until <paramref name="leaseUntil"/>
    /// and returns it with its id, inside <paramref name="transaction"/>.
    /// </summary>
    public async Task<(long Id, TransportMessage Message)?> LeaseNextAsync(SqliteConnection connection, SqliteTransaction transaction, string queue, long now, long leaseUntil, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = _leaseNext;
        command.Parameters.AddWithValue("$recipient", queue);
        command.Parameters.AddWithValue("$now", now);
        command.Parameters.AddWithValue("$lease_until", leaseUntil);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), ReadMessage(reader, 1)) : null;
    }

    /// <summary>Deletes a leased message if the lease is still the one given; returns whether it did.</summary>
    public async Task<bool> DeleteLeasedAsync(SqliteConnection connection, SqliteTransaction transaction, long id, long leaseUntil, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = _deleteLeased;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$lease_until", leaseUntil);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>Makes a leased message visible from <paramref name="now"/> if the lease is still the one given; returns whether it did.</summary>
    public async Task<bool> ReleaseLeaseAsync(SqliteConnection connection, SqliteTransaction transaction, long id, long leaseUntil, long now, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = _releaseLease;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$lease_until", leaseUntil);
        command.Parameters.AddWithValue("$now", now);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>Deletes messages whose time-to-be-received has passed; returns how many.</summary>
    public async Task<int> DeleteExpiredAsync(SqliteConnection connection, SqliteTransaction transaction, long now, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = _deleteExpired;
        command.Parameters.AddWithValue("$now", now);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private TransportMessage ReadMessage(SqliteDataReader reader, int firstColumn)
    {
        var headers = JsonSerializer.Deserialize(reader.GetString(firstColumn), MessageHeadersJsonContext.Default.DictionaryStringString)
            ?? throw new InvalidDataException($"A message in table '{Name}' has null headers.");
        var body = reader.GetFieldValue<byte[]>(firstColumn + 1);
        return new TransportMessage(headers, body);
    }
}
