using System.Data.Common;
using Dapper;
using IntegrationHub.Store.Subscriptions;

namespace IntegrationHub.Store.Relational;

/// <summary>
/// Subscriptions and their filtered feeds, for both databases. A provider supplies its connections, a
/// snapshot transaction for reading, table names and how a list of strings is matched in SQL.
/// </summary>
public abstract partial class RelationalSubscriptionStore : ISubscriptionStore
{
    private const string Columns = "id, municipality, name, filter, channel_kind, channel, status, start_after_sequence, created_at, updated_at, version";
    private readonly IStoreTypes _types;

    private protected RelationalSubscriptionStore(IStoreTypes types) => _types = types;

    /// <summary>Opens a connection with the provider's settings.</summary>
    private protected abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>A read-only transaction in which two queries see one snapshot, without blocking writers.</summary>
    private protected abstract ValueTask<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>A table's name as SQL (schema-qualified where the provider has schemas).</summary>
    private protected abstract string Table(string name);

    /// <summary>SQL that is true when <paramref name="column"/> is one of the parameter's values, or the list is empty.</summary>
    private protected abstract string InListOrEmpty(string column, string parameter);

    /// <summary>A list of strings as the provider's SQL parameter.</summary>
    private protected abstract object ListParameter(IReadOnlyList<string> values);

    /// <summary>SQL appended to a SELECT that locks the selected rows until commit (empty where the database has one writer).</summary>
    private protected abstract string ForUpdate { get; }

    /// <inheritdoc />
    public async Task CreateAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        await using var connection = await OpenAsync(cancellationToken);
        // A new subscription's dispatch starts where its feed starts.
        await connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO {Table("subscriptions")} ({Columns}, dispatched_through) VALUES (@Id, @Municipality, @Name, @Filter, @ChannelKind, @Channel, @Status, @StartAfterSequence, @CreatedAt, @UpdatedAt, @Version, @StartAfterSequence)",
            Parameters(subscription, subscription.Version), cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public async Task<Subscription?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var found = await connection.QueryRowsAsync(new CommandDefinition(
            $"SELECT {Columns} FROM {Table("subscriptions")} WHERE id = @Id", new { Id = _types.Id(id) }, cancellationToken: cancellationToken),
            _types, Read, cancellationToken);
        return found.SingleOrDefault();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Subscription>> ListAsync(string municipality, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.QueryRowsAsync(new CommandDefinition(
            $"SELECT {Columns} FROM {Table("subscriptions")} WHERE municipality = @Municipality ORDER BY created_at, id",
            new { Municipality = municipality }, cancellationToken: cancellationToken), _types, Read, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Subscription>> ListActivePushAsync(long dispatchedBefore, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.QueryRowsAsync(new CommandDefinition(
            $"SELECT {Columns} FROM {Table("subscriptions")} WHERE status = 'Active' AND channel_kind <> 'Feed' AND dispatched_through < @Before ORDER BY created_at, id",
            new { Before = dispatchedBefore }, cancellationToken: cancellationToken), _types, Read, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<Subscription?> UpdateAsync(Subscription subscription, int expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        await using var connection = await OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            // A feed subscription that gets a push channel pushes from now on, rather than everything since it was created.
            $"""
            UPDATE {Table("subscriptions")} SET name = @Name, filter = @Filter, channel_kind = @ChannelKind, channel = @Channel, status = @Status,
                updated_at = @UpdatedAt, version = @Version,
                dispatched_through = CASE WHEN channel_kind = 'Feed' AND @ChannelKind <> 'Feed'
                    THEN (SELECT COALESCE(MAX(sequence), 0) FROM {Table("events")}) ELSE dispatched_through END
            WHERE id = @Id AND version = @Expected
            """,
            Parameters(subscription, expectedVersion + 1, expectedVersion), cancellationToken: cancellationToken));
        return changed == 1 ? subscription with { Version = expectedVersion + 1 } : null;
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var parameters = new { Id = _types.Id(id) };
        await connection.ExecuteAsync(new CommandDefinition(
            $"DELETE FROM {Table("deliveries")} WHERE subscription_id = @Id", parameters, transaction, cancellationToken: cancellationToken));
        var deleted = await connection.ExecuteAsync(new CommandDefinition(
            $"DELETE FROM {Table("subscriptions")} WHERE id = @Id", parameters, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return deleted == 1;
    }

    /// <inheritdoc />
    public async Task<SubscriptionFeedPage> ReadFeedAsync(Subscription subscription, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var events = Table("events");
        await using var connection = await OpenAsync(cancellationToken);
        await using var snapshot = await BeginSnapshotAsync(connection, cancellationToken);

        // The frontier: the last sequence before the first event the pipeline has not correlated yet.
        // Serving only up to it means a cursor never moves past an event that could still match.
        var frontier = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COALESCE((SELECT MIN(sequence) - 1 FROM {events} WHERE case_id IS NULL), (SELECT COALESCE(MAX(sequence), 0) FROM {events}))",
            transaction: snapshot, cancellationToken: cancellationToken));
        var filter = subscription.Filter;
        var page = await RelationalRows.ReadEventsAsync(connection, new CommandDefinition(
            $"""
            SELECT {string.Join(", ", RelationalRows.EventColumns.Split(", ").Select(c => "e." + c))}
            FROM {events} e JOIN {Table("cases")} c ON c.id = e.case_id
            WHERE e.municipality = @Municipality AND e.sequence > @After AND e.sequence <= @Frontier
              AND e.classification <= @Ceiling
              AND {InListOrEmpty("e.event_type", "@Types")}
              AND {InListOrEmpty("c.case_type", "@CaseTypes")}
              AND {InListOrEmpty("c.unit_id", "@Units")}
              AND {InListOrEmpty("e.source", "@Sources")}
            ORDER BY e.sequence LIMIT @Limit
            """,
            new
            {
                subscription.Municipality,
                After = afterSequence,
                Frontier = frontier,
                Ceiling = _types.Classification(filter.ClassificationCeiling),
                Types = ListParameter(filter.EventTypes),
                CaseTypes = ListParameter(filter.CaseTypes),
                Units = ListParameter(filter.Units),
                Sources = ListParameter(filter.Sources),
                Limit = limit,
            }, snapshot, cancellationToken: cancellationToken), _types, cancellationToken);
        await snapshot.CommitAsync(cancellationToken);
        var last = page.Count == limit ? page[^1].Sequence : Math.Max(afterSequence, frontier);
        return new SubscriptionFeedPage(page, last);
    }

    /// <inheritdoc />
    public async Task<long> SequenceBeforeAsync(DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var events = Table("events");
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COALESCE((SELECT MIN(sequence) - 1 FROM {events} WHERE received_at >= @At), (SELECT COALESCE(MAX(sequence), 0) FROM {events}))",
            new { At = _types.Timestamp(receivedAt) }, cancellationToken: cancellationToken));
    }

    private object Parameters(Subscription s, int version, int? expected = null) => new
    {
        Id = _types.Id(s.Id),
        s.Municipality,
        s.Name,
        Filter = SubscriptionFilterJson.Write(s.Filter),
        ChannelKind = s.Channel.Kind.ToString(),
        Channel = SubscriptionFilterJson.WriteChannel(s.Channel),
        Status = s.Status.ToString(),
        s.StartAfterSequence,
        CreatedAt = _types.Timestamp(s.CreatedAt),
        UpdatedAt = _types.Timestamp(s.UpdatedAt),
        Version = version,
        Expected = expected,
    };

    private static Subscription Read(RelationalRow row) => new()
    {
        Id = row.Id("id"),
        Municipality = row.Text("municipality"),
        Name = row.Text("name"),
        Filter = SubscriptionFilterJson.Read(row.Text("filter")),
        Channel = SubscriptionFilterJson.ReadChannel(row.Text("channel")),
        Status = row.Named<SubscriptionStatus>("status"),
        StartAfterSequence = row.Long("start_after_sequence"),
        CreatedAt = row.Timestamp("created_at"),
        UpdatedAt = row.Timestamp("updated_at"),
        Version = row.Int("version"),
    };
}
