using System.Data;
using Dapper;
using IntegrationHub.Store.Subscriptions;
using Npgsql;

namespace IntegrationHub.Store.PostgreSql;

/// <summary>Subscriptions and their filtered feeds on the PostgreSQL store.</summary>
public sealed class PostgreSqlSubscriptionStore : ISubscriptionStore, IDisposable
{
    private const string Columns = "id, municipality, name, filter, status, start_after_sequence, created_at, updated_at, version";
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _s;

    /// <summary>Creates the store on the same database and schema as the <see cref="PostgreSqlHubStore"/>.</summary>
    public PostgreSqlSubscriptionStore(PostgreSqlStoreOptions options)
    {
        var settings = PostgreSqlSettings.From(options);
        _s = settings.QuotedSchema;
        _dataSource = NpgsqlDataSource.Create(settings.ConnectionString);
    }

    /// <inheritdoc />
    public async Task CreateAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO {_s}.subscriptions ({Columns}) VALUES (@Id, @Municipality, @Name, @Filter, @Status, @StartAfterSequence, @CreatedAt, @UpdatedAt, @Version)",
            Parameters(subscription, subscription.Version), cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public async Task<Subscription?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM {_s}.subscriptions WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken));
        return rows.Select(ToSubscription).SingleOrDefault();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Subscription>> ListAsync(string municipality, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM {_s}.subscriptions WHERE municipality = @Municipality ORDER BY created_at, id", new { Municipality = municipality }, cancellationToken: cancellationToken));
        return [.. rows.Select(ToSubscription)];
    }

    /// <inheritdoc />
    public async Task<Subscription?> UpdateAsync(Subscription subscription, int expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE {_s}.subscriptions SET name = @Name, filter = @Filter, status = @Status, updated_at = @UpdatedAt, version = @Version WHERE id = @Id AND version = @Expected",
            Parameters(subscription, expectedVersion + 1, expectedVersion), cancellationToken: cancellationToken));
        return changed == 1 ? subscription with { Version = expectedVersion + 1 } : null;
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            $"DELETE FROM {_s}.subscriptions WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken)) == 1;
    }

    /// <inheritdoc />
    public async Task<SubscriptionFeedPage> ReadFeedAsync(Subscription subscription, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        // REPEATABLE READ: the frontier and the page come from one snapshot.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var frontier = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"""
            SELECT COALESCE((SELECT MIN(sequence) - 1 FROM {_s}.events WHERE case_id IS NULL),
                            (SELECT COALESCE(MAX(sequence), 0) FROM {_s}.events))
            """, transaction: transaction, cancellationToken: cancellationToken));
        var filter = subscription.Filter;
        var events = await PostgreSqlRows.ReadEventsAsync(connection, new CommandDefinition(
            $"""
            SELECT {Prefixed} FROM {_s}.events e JOIN {_s}.cases c ON c.id = e.case_id
            WHERE e.municipality = @Municipality AND e.sequence > @After AND e.sequence <= @Frontier
              AND e.classification <= @Ceiling
              AND (cardinality(@Types) = 0 OR e.event_type = ANY(@Types))
              AND (cardinality(@CaseTypes) = 0 OR c.case_type = ANY(@CaseTypes))
              AND (cardinality(@Units) = 0 OR c.unit_id = ANY(@Units))
            ORDER BY e.sequence LIMIT @Limit
            """,
            new
            {
                subscription.Municipality,
                After = afterSequence,
                Frontier = frontier,
                Ceiling = (short)filter.ClassificationCeiling,
                Types = filter.EventTypes.ToArray(),
                CaseTypes = filter.CaseTypes.ToArray(),
                Units = filter.Units.ToArray(),
                Limit = limit,
            }, transaction, cancellationToken: cancellationToken), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var last = events.Count == limit ? events[^1].Sequence : Math.Max(afterSequence, frontier);
        return new SubscriptionFeedPage(events, last);
    }

    /// <inheritdoc />
    public async Task<long> SequenceBeforeAsync(DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COALESCE((SELECT MIN(sequence) - 1 FROM {_s}.events WHERE received_at >= @At), (SELECT COALESCE(MAX(sequence), 0) FROM {_s}.events))",
            new { At = receivedAt.ToUniversalTime() }, cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public void Dispose() => _dataSource.Dispose();

    private static string Prefixed => string.Join(", ", PostgreSqlCommands.EventColumns.Split(", ").Select(c => "e." + c));

    private static object Parameters(Subscription s, int version, int? expected = null) => new
    {
        s.Id,
        s.Municipality,
        s.Name,
        Filter = SubscriptionFilterJson.Write(s.Filter),
        Status = s.Status.ToString(),
        s.StartAfterSequence,
        CreatedAt = s.CreatedAt.ToUniversalTime(),
        UpdatedAt = s.UpdatedAt.ToUniversalTime(),
        Version = version,
        Expected = expected,
    };

    private static Subscription ToSubscription(Row row) => new()
    {
        Id = row.id,
        Municipality = row.municipality,
        Name = row.name,
        Filter = SubscriptionFilterJson.Read(row.filter),
        Status = Enum.Parse<SubscriptionStatus>(row.status),
        StartAfterSequence = row.start_after_sequence,
        // timestamptz comes back as a UTC DateTime.
        CreatedAt = new DateTimeOffset(DateTime.SpecifyKind(row.created_at, DateTimeKind.Utc)),
        UpdatedAt = new DateTimeOffset(DateTime.SpecifyKind(row.updated_at, DateTimeKind.Utc)),
        Version = row.version,
    };

#pragma warning disable IDE1006, CA1812 // Dapper maps the columns by name; instantiated by Dapper.
    private sealed record Row(Guid id, string municipality, string name, string filter, string status, long start_after_sequence, DateTime created_at, DateTime updated_at, int version);
#pragma warning restore IDE1006, CA1812
}
