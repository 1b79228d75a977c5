using System.Data.Common;
using System.Globalization;
using System.Text;
using Dapper;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Canonical.Serialization;
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

    public DbConnection Connection => connection;

    public DbTransaction Transaction => transaction;

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
        var parameters = new
        {
            Id = Guid.CreateVersion7(now),
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
        var changed = await PostgreSqlRows.ReadCasesAsync(connection, Command(commands.UpsertCase, parameters, cancellationToken), cancellationToken);
        if (changed.Count == 1)
        {
            return changed[0];
        }

        // The event changed nothing (e.g. a replay): the row was left alone, read it as it is.
        var current = await PostgreSqlRows.ReadCasesAsync(connection, Command(commands.SelectCaseBySource, parameters, cancellationToken), cancellationToken);
        return current.Single();
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

    private CommandDefinition Command(string sql, object parameters, CancellationToken cancellationToken) =>
        new(sql, parameters, transaction, cancellationToken: cancellationToken);

    private void ThrowIfCompleted()
    {
        if (_completed)
        {
            throw new InvalidOperationException("The store session has already been committed or disposed; begin a new one.");
        }
    }
}
