using Dapper;
using IntegrationHub.Store.Deliveries;

namespace IntegrationHub.Store.Relational;

/// <summary>The delivery records of push subscriptions, in the same tables' database.</summary>
public abstract partial class RelationalSubscriptionStore : IDeliveryStore
{
    private const string DeliveryColumns =
        "subscription_id, sequence, event_id, case_id, state, attempts, created_at, last_attempt_at, next_attempt_at, last_error, delivered_at";

    /// <inheritdoc />
    public async Task<DispatchCursor?> LockCursorAsync(IStoreSession session, Guid subscriptionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var id = _types.Id(subscriptionId);
        var through = await session.Connection.QueryRowsAsync(new CommandDefinition(
            $"SELECT dispatched_through FROM {Table("subscriptions")} WHERE id = @Id{ForUpdate}",
            new { Id = id }, session.Transaction, cancellationToken: cancellationToken), _types, r => r.Long("dispatched_through"), cancellationToken);
        if (through.Count == 0)
        {
            return null;
        }

        var open = await session.Connection.ExecuteScalarAsync<int>(new CommandDefinition(
            CountOpenSql, new { Id = id }, session.Transaction, cancellationToken: cancellationToken));
        return new DispatchCursor(through[0], open);
    }

    /// <inheritdoc />
    public async Task<int> CountOpenAsync(Guid subscriptionId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            CountOpenSql, new { Id = _types.Id(subscriptionId) }, cancellationToken: cancellationToken));
    }

    private string CountOpenSql => $"SELECT COUNT(*) FROM {Table("deliveries")} WHERE subscription_id = @Id AND state IN ('Pending', 'Failing')";

    /// <inheritdoc />
    public async Task DispatchAsync(IStoreSession session, Guid subscriptionId, IReadOnlyList<Delivery> deliveries, long dispatchedThrough, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(deliveries);
        foreach (var delivery in deliveries)
        {
            await session.Connection.ExecuteAsync(new CommandDefinition(
                $"INSERT INTO {Table("deliveries")} ({DeliveryColumns}) VALUES (@SubscriptionId, @Sequence, @EventId, @CaseId, @State, @Attempts, @CreatedAt, @LastAttemptAt, @NextAttemptAt, @LastError, @DeliveredAt) ON CONFLICT (subscription_id, sequence) DO NOTHING",
                DeliveryParameters(delivery), session.Transaction, cancellationToken: cancellationToken));
        }

        await session.Connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE {Table("subscriptions")} SET dispatched_through = @Through WHERE id = @Id AND dispatched_through < @Through",
            new { Id = _types.Id(subscriptionId), Through = dispatchedThrough }, session.Transaction, cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public async Task<Delivery?> GetAsync(Guid subscriptionId, long sequence, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var found = await connection.QueryRowsAsync(new CommandDefinition(
            $"SELECT {DeliveryColumns} FROM {Table("deliveries")} WHERE subscription_id = @Id AND sequence = @Sequence",
            new { Id = _types.Id(subscriptionId), Sequence = sequence }, cancellationToken: cancellationToken), _types, ReadDelivery, cancellationToken);
        return found.SingleOrDefault();
    }

    /// <inheritdoc />
    public async Task<Delivery?> GetOpenPredecessorAsync(Guid subscriptionId, Guid caseId, long sequence, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var found = await connection.QueryRowsAsync(new CommandDefinition(
            $"""
            SELECT {DeliveryColumns} FROM {Table("deliveries")}
            WHERE subscription_id = @Id AND case_id = @CaseId AND sequence < @Sequence AND state IN ('Pending', 'Failing')
            ORDER BY sequence LIMIT 1
            """,
            new { Id = _types.Id(subscriptionId), CaseId = _types.Id(caseId), Sequence = sequence }, cancellationToken: cancellationToken),
            _types, ReadDelivery, cancellationToken);
        return found.SingleOrDefault();
    }

    /// <inheritdoc />
    public async Task UpdateAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await UpdateAsync(connection, null, delivery, cancellationToken);
    }

    /// <inheritdoc />
    public Task UpdateAsync(IStoreSession session, Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return UpdateAsync(session.Connection, session.Transaction, delivery, cancellationToken);
    }

    private async Task UpdateAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE {Table("deliveries")} SET state = @State, attempts = @Attempts, last_attempt_at = @LastAttemptAt,
                next_attempt_at = @NextAttemptAt, last_error = @LastError, delivered_at = @DeliveredAt
            WHERE subscription_id = @SubscriptionId AND sequence = @Sequence
            """,
            DeliveryParameters(delivery), transaction, cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public async Task<DeliveryCounts> CountAsync(Guid subscriptionId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var counts = (await connection.QueryRowsAsync(new CommandDefinition(
            $"SELECT state, COUNT(*) AS n FROM {Table("deliveries")} WHERE subscription_id = @Id GROUP BY state",
            new { Id = _types.Id(subscriptionId) }, cancellationToken: cancellationToken), _types,
            r => (State: r.Named<DeliveryState>("state"), Count: r.Long("n")), cancellationToken)).ToDictionary(c => c.State, c => c.Count);
        return new DeliveryCounts(
            counts.GetValueOrDefault(DeliveryState.Pending), counts.GetValueOrDefault(DeliveryState.Failing),
            counts.GetValueOrDefault(DeliveryState.Delivered), counts.GetValueOrDefault(DeliveryState.Skipped),
            counts.GetValueOrDefault(DeliveryState.DeadLettered));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Delivery>> ListAsync(Guid subscriptionId, IReadOnlyCollection<DeliveryState> states, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(states);
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.QueryRowsAsync(new CommandDefinition(
            $"SELECT {DeliveryColumns} FROM {Table("deliveries")} WHERE subscription_id = @Id AND {InListOrEmpty("state", "@States")} ORDER BY sequence LIMIT @Limit",
            new { Id = _types.Id(subscriptionId), States = ListParameter([.. states.Select(s => s.ToString())]), Limit = limit },
            cancellationToken: cancellationToken), _types, ReadDelivery, cancellationToken);
    }

    private object DeliveryParameters(Delivery d) => new
    {
        SubscriptionId = _types.Id(d.SubscriptionId),
        d.Sequence,
        d.EventId,
        CaseId = d.CaseId is { } caseId ? _types.Id(caseId) : null,
        State = d.State.ToString(),
        d.Attempts,
        CreatedAt = _types.Timestamp(d.CreatedAt),
        LastAttemptAt = d.LastAttemptAt is { } last ? _types.Timestamp(last) : null,
        NextAttemptAt = d.NextAttemptAt is { } next ? _types.Timestamp(next) : null,
        d.LastError,
        DeliveredAt = d.DeliveredAt is { } delivered ? _types.Timestamp(delivered) : null,
    };

    private static Delivery ReadDelivery(RelationalRow row) => new()
    {
        SubscriptionId = row.Id("subscription_id"),
        Sequence = row.Long("sequence"),
        EventId = row.Text("event_id"),
        CaseId = row.NullableId("case_id"),
        State = row.Named<DeliveryState>("state"),
        Attempts = row.Int("attempts"),
        CreatedAt = row.Timestamp("created_at"),
        LastAttemptAt = row.NullableTimestamp("last_attempt_at"),
        NextAttemptAt = row.NullableTimestamp("next_attempt_at"),
        LastError = row.NullableText("last_error"),
        DeliveredAt = row.NullableTimestamp("delivered_at"),
    };
}
