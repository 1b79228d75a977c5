using System.Data.Common;
using System.Globalization;
using System.Text;
using Dapper;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Canonical.Serialization;
using IntegrationHub.Store.Cases;
using IntegrationHub.Store.Diary;

namespace IntegrationHub.Store.Relational;

/// <summary>
/// The writes of one database transaction, owned or enlisted. What keeps concurrent sessions apart
/// is the provider's: SQLite sessions begin with BEGIN IMMEDIATE and so hold the only write lock from
/// the start; PostgreSQL sessions take advisory and row locks as they go (<see cref="IStoreDialect"/>).
/// </summary>
internal sealed class RelationalStoreSession(
    DbConnection connection, DbTransaction transaction, bool ownsTransaction, IStoreDialect dialect, TimeProvider timeProvider) : IStoreSession
{
    private bool _completed;
    private RelationalDiarySession? _diary;
    private RelationalCaseLinkSession? _links;

    public DbConnection Connection => connection;

    public DbTransaction Transaction => transaction;

    public IDiarySession Diary => _diary ??= new RelationalDiarySession(this);

    public ICaseLinkSession Links => LinkSession;

    internal RelationalCaseLinkSession LinkSession => _links ??= new RelationalCaseLinkSession(this);

    internal IStoreDialect Dialect => dialect;

    internal IStoreTypes Types => dialect.Types;

    internal TimeProvider Clock => timeProvider;

    public async Task<AppendResult> AppendAsync(CaseEvent caseEvent, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caseEvent);
        ThrowIfCompleted();
        await dialect.LockAppendsAsync(connection, transaction, cancellationToken);
        var key = new { caseEvent.Source, EventId = caseEvent.Id };
        var inserted = await connection.QuerySingleOrDefaultAsync<long?>(Command(dialect.Commands.InsertEvent, new
        {
            key.Source,
            key.EventId,
            EventType = caseEvent.Type,
            caseEvent.Municipality,
            Classification = Types.Classification(caseEvent.DataClassification),
            EventTime = Types.Timestamp(caseEvent.Time),
            OccurredAt = Types.Timestamp(caseEvent.Data.Event.OccurredAt),
            ReceivedAt = Types.Timestamp(receivedAt),
            // The canonical JSON, not the bytes received: it decodes back to an equal event.
            Payload = Encoding.UTF8.GetString(CaseEventFormatter.EncodeStructured(caseEvent)),
            caseEvent.Data.Collaboration?.CollaborationId,
        }, cancellationToken));
        if (inserted is { } sequence)
        {
            // The index a document's file is authorised by: who may see this event may read its attachments.
            foreach (var sha256 in caseEvent.Data.Document?.Attachments?.Select(a => a.Sha256).Distinct(StringComparer.Ordinal) ?? [])
            {
                await connection.ExecuteAsync(Command(dialect.Commands.InsertEventContent, new { Sha256 = sha256, Sequence = sequence }, cancellationToken));
            }

            return new AppendResult(sequence, IsDuplicate: false);
        }

        // Appends are serialised, so the row that conflicted was committed before this session got
        // its turn (or is its own), and a new statement sees it, also under READ COMMITTED.
        var existing = await connection.QuerySingleAsync<long>(Command(dialect.Commands.SelectSequenceBySourceAndId, key, cancellationToken));
        return new AppendResult(existing, IsDuplicate: true);
    }

    public async Task<CaseRecord> UpsertCaseAsync(CaseUpsert upsert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upsert);
        ThrowIfCompleted();
        var source = upsert.Case;
        var now = timeProvider.GetUtcNow();
        // The source id's lock (on SQLite the write lock the session already holds), kept to the end of the
        // transaction: a second session upserting the same new case waits, then finds the link this one
        // made, so there is only ever one case per source id.
        await dialect.LockSourceIdAsync(connection, transaction, upsert.Municipality, source.SourceSystem, source.SourceCaseId, cancellationToken);
        var linked = await LinkSession.FindLinkedCaseIdAsync(upsert.Municipality, source.SourceSystem, source.SourceCaseId, cancellationToken);
        if (linked is null)
        {
            var created = await ReadCasesAsync(dialect.Commands.InsertCase, CaseParameters(Guid.CreateVersion7(now), upsert, now), cancellationToken);
            var record = created.Single();
            await LinkSession.InsertSourceIdAsync(record.Municipality, source.SourceSystem, source.SourceCaseId, record.Id, "event", now, cancellationToken);
            return record;
        }

        // Locked (or, on SQLite, beyond any other writer's reach): a merge of this case either finished
        // before (and is followed) or waits for this session.
        var current = await LinkSession.GetLiveCaseAsync(linked.Value, CaseLock.ForUpdate, cancellationToken)
            ?? throw new InvalidOperationException($"The source id {source.SourceSystem}/{source.SourceCaseId} is linked to case {linked}, which does not exist.");
        var changed = await ReadCasesAsync(dialect.Commands.UpdateCase, CaseParameters(current.Id, upsert, now), cancellationToken);

        // No row: the event changed nothing (e.g. a replay) and the case stays as it was read.
        return changed.Count == 1 ? changed[0] : current;
    }

    public async Task LinkEventToCaseAsync(long sequence, Guid caseId, CancellationToken cancellationToken)
    {
        ThrowIfCompleted();
        var updated = await connection.ExecuteAsync(Command(dialect.Commands.LinkEventToCase, new { Sequence = sequence, CaseId = Types.Id(caseId) }, cancellationToken));
        if (updated == 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"There is no event with sequence {sequence} to link to a case."));
        }
    }

    public async Task IndexPersonsAsync(long sequence, Guid caseId, IReadOnlyCollection<PersonLink> people, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(people);
        ThrowIfCompleted();
        var id = Types.Id(caseId);
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
                CaseId = id,
            };
            await connection.ExecuteAsync(Command(dialect.Commands.InsertEventPerson, row, cancellationToken));
            if (person.Relation == PersonRelation.Party)
            {
                await connection.ExecuteAsync(Command(dialect.Commands.InsertCaseParty, row, cancellationToken));
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

        // Disposing an uncommitted transaction rolls it back (and releases every lock it took).
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }

    internal CommandDefinition Command(string sql, object parameters, CancellationToken cancellationToken) =>
        new(sql, parameters, transaction, cancellationToken: cancellationToken);

    /// <summary>Runs a statement in this transaction and maps the cases it returns.</summary>
    internal Task<List<CaseRecord>> ReadCasesAsync(string sql, object parameters, CancellationToken cancellationToken) =>
        RelationalRows.ReadCasesAsync(connection, Command(sql, parameters, cancellationToken), Types, cancellationToken);

    internal void ThrowIfCompleted()
    {
        if (_completed)
        {
            throw new InvalidOperationException("The store session has already been committed or disposed; begin a new one.");
        }
    }

    /// <summary>The parameters of <see cref="IStoreCommands.InsertCase"/> and <see cref="IStoreCommands.UpdateCase"/>.</summary>
    private object CaseParameters(Guid id, CaseUpsert upsert, DateTimeOffset now)
    {
        var source = upsert.Case;
        return new
        {
            Id = Types.Id(id),
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
            Classification = Types.Classification(upsert.Classification),
            OccurredAt = Types.Timestamp(upsert.OccurredAt),
            upsert.Sequence,
            Now = Types.Timestamp(now),
        };
    }
}
