using System.Data.Common;
using System.Globalization;
using System.Text;
using Dapper;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Canonical.Serialization;
using IntegrationHub.Store.Cases;
using IntegrationHub.Store.Diary;
using Npgsql;

namespace IntegrationHub.Store.PostgreSql;

/// <summary>The writes of one PostgreSQL transaction, owned or enlisted.</summary>
internal sealed class PostgreSqlStoreSession(
    NpgsqlConnection connection,
    NpgsqlTransaction transaction,
    bool ownsTransaction,
    PostgreSqlCommands commands,
    PostgreSqlLocks locks,
    TimeProvider timeProvider) : IStoreSession
{
    private bool _completed;
    private PostgreSqlDiarySession? _diary;
    private PostgreSqlCaseLinkSession? _links;

    public DbConnection Connection => connection;

    public DbTransaction Transaction => transaction;

    public IDiarySession Diary => _diary ??= new PostgreSqlDiarySession(this);

    public ICaseLinkSession Links => LinkSession;

    internal PostgreSqlCaseLinkSession LinkSession => _links ??= new PostgreSqlCaseLinkSession(this);

    internal PostgreSqlCommands Commands => commands;

    internal PostgreSqlLocks Locks => locks;

    internal TimeProvider Clock => timeProvider;

    public async Task<AppendResult> AppendAsync(CaseEvent caseEvent, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caseEvent);
        ThrowIfCompleted();
        // Identity values are drawn when the INSERT runs but become visible at commit; without this
        // lock a later sequence could commit first and a feed reader would move its cursor past the
        // earlier one for good. Holding it to the end of the transaction makes commit order equal
        // sequence order (at the price of one appending transaction at a time per schema).
        await connection.ExecuteAsync(Command(
            PostgreSqlCommands.TransactionLock, new { LockClass = PostgreSqlLocks.AppendClass, LockKey = locks.Key }, cancellationToken));
        var key = new { caseEvent.Source, EventId = caseEvent.Id };
        var inserted = await connection.QuerySingleOrDefaultAsync<long?>(Command(commands.InsertEvent, new
        {
            key.Source,
            key.EventId,
            EventType = caseEvent.Type,
            caseEvent.Municipality,
            Classification = (short)caseEvent.DataClassification,
            EventTime = caseEvent.Time.ToUniversalTime(),
            OccurredAt = caseEvent.Data.Event.OccurredAt.ToUniversalTime(),
            ReceivedAt = receivedAt.ToUniversalTime(),
            // The canonical JSON, not the bytes received: it decodes back to an equal event.
            Payload = Encoding.UTF8.GetString(CaseEventFormatter.EncodeStructured(caseEvent)),
            caseEvent.Data.Collaboration?.CollaborationId,
        }, cancellationToken));
        if (inserted is { } sequence)
        {
            return new AppendResult(sequence, IsDuplicate: false);
        }

        // The conflicting row was committed before we got the lock (or is ours), so a new
        // statement sees it under READ COMMITTED.
        var existing = await connection.QuerySingleAsync<long>(Command(commands.SelectSequenceBySourceAndId, key, cancellationToken));
        return new AppendResult(existing, IsDuplicate: true);
    }

    public async Task<CaseRecord> UpsertCaseAsync(CaseUpsert upsert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upsert);
        ThrowIfCompleted();
        var source = upsert.Case;
        var now = timeProvider.GetUtcNow();
        // Held to the end of the transaction: a second session upserting the same new case waits
        // here, then finds the link this one made, so there is only ever one case per source id.
        await LinkSession.LockSourceIdAsync(upsert.Municipality, source.SourceSystem, source.SourceCaseId, cancellationToken);
        var linked = await LinkSession.FindLinkedCaseIdAsync(upsert.Municipality, source.SourceSystem, source.SourceCaseId, cancellationToken);
        if (linked is null)
        {
            var created = await PostgreSqlRows.ReadCasesAsync(
                connection, Command(commands.InsertCase, CaseParameters(Guid.CreateVersion7(now), upsert, now), cancellationToken), cancellationToken);
            var record = created.Single();
            await LinkSession.InsertSourceIdAsync(record.Municipality, source.SourceSystem, source.SourceCaseId, record.Id, "event", now, cancellationToken);
            return record;
        }

        // Locked: a merge of this case either finished before (and we follow it) or waits for us.
        var current = await LinkSession.GetLiveCaseAsync(linked.Value, PostgreSqlCaseLock.ForUpdate, cancellationToken)
            ?? throw new InvalidOperationException($"The source id {source.SourceSystem}/{source.SourceCaseId} is linked to case {linked}, which does not exist.");
        var changed = await PostgreSqlRows.ReadCasesAsync(
            connection, Command(commands.UpdateCase, CaseParameters(current.Id, upsert, now), cancellationToken), cancellationToken);

        // No row: the event changed nothing (e.g. a replay) and the case stays as it was read.
        return changed.Count == 1 ? changed[0] : current;
    }

    public async Task LinkEventToCaseAsync(long sequence, Guid caseId, CancellationToken cancellationToken)
    {
        ThrowIfCompleted();
        var updated = await connection.ExecuteAsync(Command(commands.LinkEventToCase, new { Sequence = sequence, CaseId = caseId }, cancellationToken));
        if (updated == 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"There is no event with sequence {sequence} to link to a case."));
        }
    }

    public async Task IndexPersonsAsync(long sequence, Guid caseId, IReadOnlyCollection<PersonLink> people, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(people);
        ThrowIfCompleted();
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
                CaseId = caseId,
            };
            await connection.ExecuteAsync(Command(commands.InsertEventPerson, row, cancellationToken));
            if (person.Relation == PersonRelation.Party)
            {
                await connection.ExecuteAsync(Command(commands.InsertCaseParty, row, cancellationToken));
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

        // Disposing an uncommitted NpgsqlTransaction rolls it back (and releases the append lock).
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

    /// <summary>The parameters of <see cref="PostgreSqlCommands.InsertCase"/> and <see cref="PostgreSqlCommands.UpdateCase"/>.</summary>
    private static object CaseParameters(Guid id, CaseUpsert upsert, DateTimeOffset now)
    {
        var source = upsert.Case;
        return new
        {
            Id = id,
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
            Classification = (short)upsert.Classification,
            OccurredAt = upsert.OccurredAt.ToUniversalTime(),
            upsert.Sequence,
            Now = now.ToUniversalTime(),
        };
    }
}
