using System.Text.Json;
using Dapper;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Store.Review;

namespace IntegrationHub.Store.Relational;

/// <summary>The registrator's inbox.</summary>
public abstract partial class RelationalSubscriptionStore : IReviewStore
{
    private const string ReviewColumns =
        "r.event_sequence, r.municipality, r.case_id AS review_case_id, r.diary, r.diarienummer AS review_diarienummer, r.document_number AS review_document_number, " +
        "r.unit_id, r.unit_name, r.case_type, r.reasons, r.received_via, r.routing, r.note, r.classification, r.received_at AS review_received_at, " +
        "r.state, r.restricted, r.linked_case_id, r.decided_at, r.decided_by, r.version";

    private string ReviewSelect =>
        $"SELECT {ReviewColumns}, {string.Join(", ", RelationalRows.EventColumns.Split(", ").Select(c => "e." + c))} " +
        $"FROM {Table("review_items")} r JOIN {Table("events")} e ON e.sequence = r.event_sequence";

    /// <inheritdoc />
    public async Task AddAsync(IStoreSession session, ReviewItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(item);
        await session.Connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO {Table("review_items")} (event_sequence, municipality, case_id, diary, diarienummer, document_number, unit_id, unit_name,
                case_type, reasons, received_via, routing, note, classification, received_at, state, restricted, linked_case_id, decided_at, decided_by, version)
            VALUES (@EventSequence, @Municipality, @CaseId, @Diary, @Diarienummer, @DocumentNumber, @UnitId, @UnitName,
                @CaseType, @Reasons, @ReceivedVia, @Routing, @Note, @Classification, @ReceivedAt, @State, @Restricted, @LinkedCaseId, @DecidedAt, @DecidedBy, @Version)
            ON CONFLICT (event_sequence) DO NOTHING
            """,
            ReviewParameters(item, item.Version), session.Transaction, cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public async Task<ReviewItem?> GetAsync(long eventSequence, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var found = await connection.QueryRowsAsync(new CommandDefinition(
            $"{ReviewSelect} WHERE r.event_sequence = @Sequence", new { Sequence = eventSequence }, cancellationToken: cancellationToken),
            _types, ReadReview, cancellationToken);
        return found.SingleOrDefault();
    }

    /// <inheritdoc />
    public async Task<ReviewItem?> LockAsync(IStoreSession session, long eventSequence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var found = await session.Connection.QueryRowsAsync(new CommandDefinition(
            $"{ReviewSelect} WHERE r.event_sequence = @Sequence{ForUpdateOf("r")}", new { Sequence = eventSequence }, session.Transaction, cancellationToken: cancellationToken),
            _types, ReadReview, cancellationToken);
        return found.SingleOrDefault();
    }

    /// <inheritdoc />
    public async Task<bool> UpdateAsync(IStoreSession session, ReviewItem item, int expectedVersion, ReviewAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(action);
        var changed = await session.Connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE {Table("review_items")} SET diary = @Diary, diarienummer = @Diarienummer, document_number = @DocumentNumber, unit_id = @UnitId,
                unit_name = @UnitName, case_type = @CaseType, state = @State, restricted = @Restricted, linked_case_id = @LinkedCaseId,
                decided_at = @DecidedAt, decided_by = @DecidedBy, version = @Version
            WHERE event_sequence = @EventSequence AND version = @Expected
            """,
            ReviewParameters(item, expectedVersion + 1, expectedVersion), session.Transaction, cancellationToken: cancellationToken));
        if (changed == 0)
        {
            return false;
        }

        await session.Connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO {Table("review_actions")} (id, event_sequence, action, actor, at, details) VALUES (@Id, @EventSequence, @Action, @Actor, @At, @Details)",
            new { Id = _types.Id(action.Id), action.EventSequence, action.Action, action.Actor, At = _types.Timestamp(action.At), action.Details },
            session.Transaction, cancellationToken: cancellationToken));
        return true;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ReviewItem>> ListAsync(ReviewQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.QueryRowsAsync(new CommandDefinition(
            $"""
            {ReviewSelect}
            WHERE r.municipality = @Municipality
              AND (@Diary IS NULL OR r.diary = @Diary)
              AND (@Unit IS NULL OR r.unit_id = @Unit)
              AND (@State IS NULL OR r.state = @State)
              AND (@Before IS NULL OR r.event_sequence < @Before)
            ORDER BY r.event_sequence DESC LIMIT @Limit
            """,
            new { query.Municipality, query.Diary, query.Unit, State = query.State?.ToString(), Before = query.BeforeSequence, query.Limit },
            cancellationToken: cancellationToken), _types, ReadReview, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ReviewAction>> GetActionsAsync(long eventSequence, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.QueryRowsAsync(new CommandDefinition(
            $"SELECT id, event_sequence, action, actor, at, details FROM {Table("review_actions")} WHERE event_sequence = @Sequence ORDER BY at, id",
            new { Sequence = eventSequence }, cancellationToken: cancellationToken),
            _types, row => new ReviewAction(row.Id("id"), row.Long("event_sequence"), row.Text("action"), row.Text("actor"), row.Timestamp("at"), row.NullableText("details")),
            cancellationToken);
    }

    /// <summary>Row locks for a SELECT with joins: only the named table's rows (PostgreSQL); empty on SQLite.</summary>
    private string ForUpdateOf(string alias) => ForUpdate.Length == 0 ? string.Empty : $" FOR UPDATE OF {alias}";

    private object ReviewParameters(ReviewItem item, int version, int expected = 0) => new
    {
        item.EventSequence,
        item.Municipality,
        CaseId = _types.Id(item.CaseId),
        item.Diary,
        item.Diarienummer,
        item.DocumentNumber,
        item.UnitId,
        item.UnitName,
        item.CaseType,
        Reasons = JsonSerializer.Serialize(item.Reasons.Select(r => r.ToString())),
        item.ReceivedVia,
        item.Routing,
        item.Note,
        Classification = _types.Classification(item.Classification),
        ReceivedAt = _types.Timestamp(item.ReceivedAt),
        State = item.State.ToString(),
        Restricted = item.Restricted ? 1 : 0,
        LinkedCaseId = item.LinkedCaseId is { } linked ? _types.Id(linked) : null,
        DecidedAt = item.DecidedAt is { } decided ? _types.Timestamp(decided) : null,
        item.DecidedBy,
        Version = version,
        Expected = expected,
    };

    private static ReviewItem ReadReview(RelationalRow row) => new()
    {
        EventSequence = row.Long("event_sequence"),
        Municipality = row.Text("municipality"),
        CaseId = row.Id("review_case_id"),
        Diary = row.NullableText("diary"),
        Diarienummer = row.NullableText("review_diarienummer"),
        DocumentNumber = row.NullableInt("review_document_number"),
        UnitId = row.NullableText("unit_id"),
        UnitName = row.NullableText("unit_name"),
        CaseType = row.NullableText("case_type"),
        Reasons = [.. JsonSerializer.Deserialize<string[]>(row.Text("reasons"))!.Select(Enum.Parse<ReviewReason>)],
        ReceivedVia = row.NullableText("received_via"),
        Routing = row.NullableText("routing"),
        Note = row.NullableText("note"),
        Classification = row.Classification("classification"),
        ReceivedAt = row.Timestamp("review_received_at"),
        State = row.Named<ReviewState>("state"),
        Restricted = row.Int("restricted") != 0,
        LinkedCaseId = row.NullableId("linked_case_id"),
        DecidedAt = row.NullableTimestamp("decided_at"),
        DecidedBy = row.NullableText("decided_by"),
        Version = row.Int("version"),
        Event = RelationalRows.ReadEvent(row),
    };
}
