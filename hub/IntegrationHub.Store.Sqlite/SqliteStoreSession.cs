using System.Data.Common;
using System.Globalization;
using System.Text;
using Dapper;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Canonical.Serialization;
using IntegrationHub.Store.Cases;
using IntegrationHub.Store.Diary;
using Microsoft.Data.Sqlite;

namespace IntegrationHub.Store.Sqlite;

/// <summary>
/// The writes of one SQLite transaction. Owned sessions began their transaction with
/// BEGIN IMMEDIATE, so they hold SQLite's single write lock from the start: appends are
/// serialised and commit in sequence order, which keeps feed cursors from skipping events.
/// </summary>
internal sealed class SqliteStoreSession(
    SqliteConnection connection, SqliteTransaction transaction, bool ownsTransaction, TimeProvider timeProvider) : IStoreSession
{
    private bool _completed;
    private SqliteDiarySession? _diary;
    private SqliteCaseLinkSession? _links;

    public DbConnection Connection => connection;

    public DbTransaction Transaction => transaction;

    public IDiarySession Diary => _diary ??= new SqliteDiarySession(this);

    public ICaseLinkSession Links => LinkSession;

    internal SqliteCaseLinkSession LinkSession => _links ??= new SqliteCaseLinkSession(this);

    internal TimeProvider Clock => timeProvider;

    public async Task<AppendResult> AppendAsync(CaseEvent caseEvent, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caseEvent);
        ThrowIfCompleted();
        var key = new { caseEvent.Source, EventId = caseEvent.Id };
        var inserted = await connection.QuerySingleOrDefaultAsync<long?>(Command(SqliteCommands.InsertEvent, new
        {
            key.Source,
            key.EventId,
            EventType = caseEvent.Type,
            caseEvent.Municipality,
            Classification = (int)caseEvent.DataClassification,
            EventTime = caseEvent.Time.ToUnixTimeMilliseconds(),
            OccurredAt = caseEvent.Data.Event.OccurredAt.ToUnixTimeMilliseconds(),
            ReceivedAt = receivedAt.ToUnixTimeMilliseconds(),
            // The canonical JSON, not the bytes received: it decodes back to an equal event.
            Payload = Encoding.UTF8.GetString(CaseEventFormatter.EncodeStructured(caseEvent)),
            caseEvent.Data.Collaboration?.CollaborationId,
        }, cancellationToken));
        if (inserted is { } sequence)
        {
            return new AppendResult(sequence, IsDuplicate: false);
        }

        // Writers are serialised, so the row that conflicted is committed (or ours) and visible.
        var existing = await connection.QuerySingleAsync<long>(Command(SqliteCommands.SelectSequenceBySourceAndId, key, cancellationToken));
        return new AppendResult(existing, IsDuplicate: true);
    }

    public async Task<CaseRecord> UpsertCaseAsync(CaseUpsert upsert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upsert);
        ThrowIfCompleted();
        var source = upsert.Case;
        var now = timeProvider.GetUtcNow();
        // The session holds SQLite's write lock (BEGIN IMMEDIATE), so nobody links this source id between the look-up and the insert.
        var linked = await LinkSession.FindLinkedCaseIdAsync(upsert.Municipality, source.SourceSystem, source.SourceCaseId, cancellationToken);
        if (linked is null)
        {
            var created = await SqliteRows.ReadCasesAsync(
                connection, Command(SqliteCommands.InsertCase, CaseParameters(Guid.CreateVersion7(now), upsert, now), cancellationToken), cancellationToken);
            var record = created.Single();
            await LinkSession.InsertSourceIdAsync(record.Municipality, source.SourceSystem, source.SourceCaseId, record.Id, "event", now, cancellationToken);
            return record;
        }

        var current = await LinkSession.GetLiveCaseAsync(linked.Value, cancellationToken)
            ?? throw new InvalidOperationException($"The source id {source.SourceSystem}/{source.SourceCaseId} is linked to case {linked}, which does not exist.");
        var changed = await SqliteRows.ReadCasesAsync(
            connection, Command(SqliteCommands.UpdateCase, CaseParameters(current.Id, upsert, now), cancellationToken), cancellationToken);

        // No row: the event changed nothing (e.g. a replay) and the case stays as it was read.
        return changed.Count == 1 ? changed[0] : current;
    }

    public async Task LinkEventToCaseAsync(long sequence, Guid caseId, CancellationToken cancellationToken)
    {
        ThrowIfCompleted();
        var updated = await connection.ExecuteAsync(Command(
            SqliteCommands.LinkEventToCase,
            new { Sequence = sequence, CaseId = caseId.ToString("D", CultureInfo.InvariantCulture) },
            cancellationToken));
        if (updated == 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"There is no event with sequence {sequence} to link to a case."));
        }
    }

    public async Task IndexPersonsAsync(long sequence, Guid caseId, IReadOnlyCollection<PersonLink> people, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(people);
        ThrowIfCompleted();
        var caseIdText = caseId.ToString("D", CultureInfo.InvariantCulture);
        foreach (var person in people)
        {
            ArgumentNullException.ThrowIfNull(person, nameof(people));
            var row = new
            {
                IdentityType = person.Identity.Type.ToString(),
                IdentityValue = person.Identity.Value,
                Sequence = sequence,
                Relation = person.Relation.ToString(),
                Role = person.Role?.ToString(),
                CaseId = caseIdText,
            };
            await connection.ExecuteAsync(Command(SqliteCommands.InsertEventPerson, row, cancellationToken));
            if (person.Relation == PersonRelation.Party)
            {
                await connection.ExecuteAsync(Command(SqliteCommands.InsertCaseParty, row, cancellationToken));
            }
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        ThrowIfCompleted();
        if (!ownsTransaction)
        {
            return;
        }

        await transaction.CommitAsync(cancellationToken);
        _completed = true;
    }

    public async ValueTask DisposeAsync()
    {
        _completed = true;
        if (!ownsTransaction)
        {
            return;
        }

        // Disposing an uncommitted SqliteTransaction rolls it back.
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }

    internal CommandDefinition Command(string sql, object parameters, CancellationToken cancellationToken) =>
        new(sql, parameters, transaction, cancellationToken: cancellationToken);

    internal void ThrowIfCompleted()
    {
        if (_completed)
        {
            throw new InvalidOperationException("The store session has already been committed or disposed; begin a new one.");
        }
    }

    /// <summary>The parameters of <see cref="SqliteCommands.InsertCase"/> and <see cref="SqliteCommands.UpdateCase"/>.</summary>
    private static object CaseParameters(Guid id, CaseUpsert upsert, DateTimeOffset now)
    {
        var source = upsert.Case;
        return new
        {
            Id = SqliteRows.Text(id),
            upsert.Municipality,
            source.SourceSystem,
            source.SourceCaseId,
            source.CaseNumber,
            source.MainCaseNumber,
            Diarienummer = source.Diarienummer?.Value,
            DiarienummerSeries = source.Diarienummer?.Series,
            DiarienummerYear = source.Diarienummer?.Year,
            DiarienummerRunningNumber = source.Diarienummer?.RunningNumber,
            source.Title,
            source.CaseType,
            AuthorityId = source.Authority?.Id,
            AuthorityName = source.Authority?.Name,
            AuthorityMunicipality = source.Authority?.Municipality,
            UnitId = source.Unit?.Id,
            UnitName = source.Unit?.Name,
            UnitMunicipality = source.Unit?.Municipality,
            // The pipeline's status wins; the status the source sent is the fallback.
            Status = (upsert.Status ?? source.Status)?.ToString(),
            source.SourceStatus,
            Classification = (int)upsert.Classification,
            OccurredAt = upsert.OccurredAt.ToUnixTimeMilliseconds(),
            upsert.Sequence,
            Now = now.ToUnixTimeMilliseconds(),
        };
    }
}
