using System.Text.Json;
using Dapper;
using IntegrationHub.Store.Subscriptions;

namespace IntegrationHub.Store.Sqlite;

/// <summary>Subscriptions and their filtered feeds on the SQLite store (same file, own short connections).</summary>
public sealed class SqliteSubscriptionStore(SqliteStoreOptions options) : ISubscriptionStore
{
    private const string Columns = "id, municipality, name, filter, status, start_after_sequence, created_at, updated_at, version";
    private readonly SqliteConnectionFactory _connections = new(SqliteSettings.From(options));

    /// <inheritdoc />
    public async Task CreateAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO subscriptions ({Columns}) VALUES (@Id, @Municipality, @Name, @Filter, @Status, @StartAfterSequence, @CreatedAt, @UpdatedAt, @Version)",
            Parameters(subscription, subscription.Version), cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public async Task<Subscription?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM subscriptions WHERE id = @Id", new { Id = SqliteRows.Text(id) }, cancellationToken: cancellationToken));
        return rows.Select(ToSubscription).SingleOrDefault();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Subscription>> ListAsync(string municipality, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM subscriptions WHERE municipality = @Municipality ORDER BY created_at, id", new { Municipality = municipality }, cancellationToken: cancellationToken));
        return [.. rows.Select(ToSubscription)];
    }

    /// <inheritdoc />
    public async Task<Subscription?> UpdateAsync(Subscription subscription, int expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE subscriptions SET name = @Name, filter = @Filter, status = @Status, updated_at = @UpdatedAt, version = @Version WHERE id = @Id AND version = @Expected",
            Parameters(subscription, expectedVersion + 1, expectedVersion), cancellationToken: cancellationToken));
        return changed == 1 ? subscription with { Version = expectedVersion + 1 } : null;
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM subscriptions WHERE id = @Id", new { Id = SqliteRows.Text(id) }, cancellationToken: cancellationToken)) == 1;
    }

    /// <inheritdoc />
    public async Task<SubscriptionFeedPage> ReadFeedAsync(Subscription subscription, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        // One deferred (read) transaction: the frontier and the page see the same WAL snapshot, and no writer waits.
        await using var transaction = connection.BeginTransaction(deferred: true);
        var frontier = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            SELECT COALESCE((SELECT MIN(sequence) - 1 FROM events WHERE case_id IS NULL),
                            (SELECT COALESCE(MAX(sequence), 0) FROM events))
            """, transaction: transaction, cancellationToken: cancellationToken));
        var filter = subscription.Filter;
        var events = await SqliteRows.ReadEventsAsync(connection, new CommandDefinition(
            $"""
            SELECT {Prefixed} FROM events e JOIN cases c ON c.id = e.case_id
            WHERE e.municipality = @Municipality AND e.sequence > @After AND e.sequence <= @Frontier
              AND e.classification <= @Ceiling
              AND (@AnyType OR e.event_type IN (SELECT value FROM json_each(@Types)))
              AND (@AnyCaseType OR c.case_type IN (SELECT value FROM json_each(@CaseTypes)))
              AND (@AnyUnit OR c.unit_id IN (SELECT value FROM json_each(@Units)))
            ORDER BY e.sequence LIMIT @Limit
            """,
            new
            {
                subscription.Municipality,
                After = afterSequence,
                Frontier = frontier,
                Ceiling = (int)filter.ClassificationCeiling,
                AnyType = filter.EventTypes.Count == 0,
                Types = JsonSerializer.Serialize(filter.EventTypes),
                AnyCaseType = filter.CaseTypes.Count == 0,
                CaseTypes = JsonSerializer.Serialize(filter.CaseTypes),
                AnyUnit = filter.Units.Count == 0,
                Units = JsonSerializer.Serialize(filter.Units),
                Limit = limit,
            }, transaction, cancellationToken: cancellationToken), cancellationToken);
        var last = events.Count == limit ? events[^1].Sequence : Math.Max(afterSequence, frontier);
        return new SubscriptionFeedPage(events, last);
    }

    /// <inheritdoc />
    public async Task<long> SequenceBeforeAsync(DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COALESCE((SELECT MIN(sequence) - 1 FROM events WHERE received_at >= @At), (SELECT COALESCE(MAX(sequence), 0) FROM events))",
            new { At = receivedAt.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
    }

    private static string Prefixed => string.Join(", ", SqliteCommands.EventColumns.Split(", ").Select(c => "e." + c));

    private static object Parameters(Subscription s, int version, int? expected = null) => new
    {
        Id = SqliteRows.Text(s.Id),
        s.Municipality,
        s.Name,
        Filter = SubscriptionFilterJson.Write(s.Filter),
        Status = s.Status.ToString(),
        s.StartAfterSequence,
        CreatedAt = s.CreatedAt.ToUnixTimeMilliseconds(),
        UpdatedAt = s.UpdatedAt.ToUnixTimeMilliseconds(),
        Version = version,
        Expected = expected,
    };

    private static Subscription ToSubscription(Row row) => new()
    {
        Id = Guid.Parse(row.id),
        Municipality = row.municipality,
        Name = row.name,
        Filter = SubscriptionFilterJson.Read(row.filter),
        Status = Enum.Parse<SubscriptionStatus>(row.status),
        StartAfterSequence = row.start_after_sequence,
        CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(row.created_at),
        UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(row.updated_at),
        Version = (int)row.version,
    };

#pragma warning disable IDE1006, CA1812 // Dapper maps the columns by name; instantiated by Dapper.
    private sealed record Row(string id, string municipality, string name, string filter, string status, long start_after_sequence, long created_at, long updated_at, long version);
#pragma warning restore IDE1006, CA1812
}
