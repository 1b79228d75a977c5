using Dapper;
using IntegrationHub.Store.Cases;

namespace IntegrationHub.Store.Relational;

/// <summary>
/// The correlation writes of one session, in its transaction. A look-up and the write that depends on
/// it must not race another writer: on SQLite the session holds the only write lock; on PostgreSQL
/// resolving or linking a source id holds its advisory lock to the end of the transaction, a merge
/// locks both case rows, and an upsert locks the case it updates, so an upsert either finishes before
/// a merge of its case or sees the merge and follows it to the survivor.
/// </summary>
internal sealed class RelationalCaseLinkSession(RelationalStoreSession session) : ICaseLinkSession
{
    /// <summary>More merges in a chain than this means the data is broken, not that the chain is long.</summary>
    private const int MaxMergeHops = 64;

    private ICaseLinkCommands Commands => session.Dialect.Links;

    private IStoreTypes Types => session.Types;

    public async Task<Guid?> FindCaseBySourceAsync(string municipality, string sourceSystem, string sourceCaseId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(municipality);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceSystem);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceCaseId);
        session.ThrowIfCompleted();
        return await FindLinkedCaseIdAsync(municipality, sourceSystem, sourceCaseId, cancellationToken) is { } linked
            ? (await GetLiveCaseAsync(linked, CaseLock.None, cancellationToken))?.Id
            : null;
    }

    public async Task<LinkOutcome> LinkSourceAsync(Guid caseId, string sourceSystem, string sourceCaseId, string via, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceSystem);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceCaseId);
        ArgumentException.ThrowIfNullOrWhiteSpace(via);
        session.ThrowIfCompleted();
        // A merged case's links live on its survivor, so that is where a new one goes too.
        var target = await GetLiveCaseAsync(caseId, CaseLock.None, cancellationToken)
            ?? throw new KeyNotFoundException($"There is no case {caseId} to link a source id to.");
        // The source id's lock comes first, then the case's (the order UpsertCaseAsync takes them in).
        await session.Dialect.LockSourceIdAsync(
            session.Connection, session.Transaction, target.Municipality, sourceSystem, sourceCaseId, cancellationToken);
        if (session.Dialect.RowLocks is not null)
        {
            // Under the row lock a merge has either finished (and is followed) or waits until this link is made.
            target = await GetLiveCaseAsync(target.Id, CaseLock.ForUpdate, cancellationToken)
                ?? throw new KeyNotFoundException($"There is no case {caseId} to link a source id to.");
        }

        if (await FindLinkedCaseIdAsync(target.Municipality, sourceSystem, sourceCaseId, cancellationToken) is { } owner)
        {
            var ownerId = (await GetLiveCaseAsync(owner, CaseLock.None, cancellationToken))?.Id ?? owner;
            return ownerId == target.Id ? new LinkOutcome(LinkStatus.AlreadyLinked) : new LinkOutcome(LinkStatus.BelongsToOtherCase, ownerId);
        }

        await InsertSourceIdAsync(target.Municipality, sourceSystem, sourceCaseId, target.Id, via, session.Clock.GetUtcNow(), cancellationToken);
        return new LinkOutcome(LinkStatus.Linked);
    }

    public async Task AddRelationAsync(CaseRelation relation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(relation);
        session.ThrowIfCompleted();
        // Key-share locked: a merge of either case has finished (and is followed) or waits for this relation.
        var from = await GetLiveCaseAsync(relation.CaseId, CaseLock.ForKeyShare, cancellationToken)
            ?? throw new KeyNotFoundException($"There is no case {relation.CaseId} to relate.");
        var to = await GetLiveCaseAsync(relation.RelatedCaseId, CaseLock.ForKeyShare, cancellationToken)
            ?? throw new KeyNotFoundException($"There is no case {relation.RelatedCaseId} to relate to.");
        if (from.Municipality != to.Municipality)
        {
            throw new ArgumentException(
                $"Case {from.Id} ({from.Municipality}) and case {to.Id} ({to.Municipality}) are in different municipalities; a relation never joins two municipalities.",
                nameof(relation));
        }

        if (from.Id == to.Id)
        {
            throw new ArgumentException($"A case cannot be related to itself (case {from.Id}).", nameof(relation));
        }

        await session.Connection.ExecuteAsync(session.Command(Commands.InsertRelation, new
        {
            CaseId = Types.Id(from.Id),
            RelatedCaseId = Types.Id(to.Id),
            Kind = relation.Kind.ToString(),
            relation.CollaborationId,
            relation.EventSequence,
        }, cancellationToken));
    }

    public async Task MergeCasesAsync(Guid survivorCaseId, Guid mergedCaseId, CancellationToken cancellationToken)
    {
        session.ThrowIfCompleted();
        if (survivorCaseId == mergedCaseId)
        {
            throw new InvalidOperationException($"Case {survivorCaseId} cannot be merged into itself.");
        }

        var parameters = new { SurvivorId = Types.Id(survivorCaseId), MergedId = Types.Id(mergedCaseId), Now = Types.Timestamp(session.Clock.GetUtcNow()) };
        var (survivor, merged) = await ReadCasesToMergeAsync(survivorCaseId, mergedCaseId, parameters, cancellationToken);
        if (survivor is null)
        {
            throw new KeyNotFoundException($"There is no case {survivorCaseId} to merge into.");
        }

        if (merged is null)
        {
            throw new KeyNotFoundException($"There is no case {mergedCaseId} to merge.");
        }

        if (survivor.Municipality != merged.Municipality)
        {
            throw new ArgumentException(
                $"Case {survivor.Id} ({survivor.Municipality}) and case {merged.Id} ({merged.Municipality}) are in different municipalities; cases are only merged within one.",
                nameof(mergedCaseId));
        }

        foreach (var record in new[] { survivor, merged })
        {
            if (record.MergedInto is { } into)
            {
                throw new InvalidOperationException($"Case {record.Id} was already merged into case {into}.");
            }
        }

        foreach (var sql in new[]
        {
            Commands.MoveSourceIds,
            Commands.MoveEvents,
            Commands.CopyParties,
            Commands.DeleteMergedParties,
            Commands.CopyRelations,
            Commands.DeleteMergedRelations,
            Commands.AbsorbMergedFields,
            Commands.MarkMerged,
        })
        {
            await session.Connection.ExecuteAsync(session.Command(sql, parameters, cancellationToken));
        }
    }

    /// <summary>The case a source id is linked to, as stored (not resolved through merges).</summary>
    internal async Task<Guid?> FindLinkedCaseIdAsync(string municipality, string sourceSystem, string sourceCaseId, CancellationToken cancellationToken)
    {
        var found = await session.Connection.QueryRowsAsync(
            session.Command(Commands.SelectCaseIdBySource, new { Municipality = municipality, SourceSystem = sourceSystem, SourceCaseId = sourceCaseId }, cancellationToken),
            Types,
            row => (Guid?)row.Id("case_id"),
            cancellationToken);
        return found.SingleOrDefault();
    }

    internal Task InsertSourceIdAsync(
        string municipality, string sourceSystem, string sourceCaseId, Guid caseId, string via, DateTimeOffset linkedAt, CancellationToken cancellationToken) =>
        session.Connection.ExecuteAsync(session.Command(Commands.InsertSourceId, new
        {
            Municipality = municipality,
            SourceSystem = sourceSystem,
            SourceCaseId = sourceCaseId,
            CaseId = Types.Id(caseId),
            LinkedAt = Types.Timestamp(linkedAt),
            Via = via,
        }, cancellationToken));

    /// <summary>
    /// The case, or the survivor it was merged into (followed through every merge); null when there is
    /// no such case. With a <paramref name="lockMode"/> each case on the way is locked (where the
    /// provider has row locks), so a merge in progress is waited for and its result seen.
    /// </summary>
    internal async Task<CaseRecord?> GetLiveCaseAsync(Guid caseId, CaseLock lockMode, CancellationToken cancellationToken)
    {
        var record = await GetCaseAsync(caseId, lockMode, cancellationToken);
        for (var hops = 0; record?.MergedInto is { } survivor; hops++)
        {
            if (hops == MaxMergeHops)
            {
                throw new InvalidOperationException($"Case {caseId} is merged through more than {MaxMergeHops} cases; the merge chain is broken.");
            }

            record = await GetCaseAsync(survivor, lockMode, cancellationToken)
                ?? throw new InvalidOperationException($"Case {record.Id} was merged into case {survivor}, which does not exist.");
        }

        return record;
    }

    /// <summary>
    /// Both cases of a merge. With row locks one statement locks both; without them (SQLite) the
    /// session already excludes every other writer and each is simply read.
    /// </summary>
    private async Task<(CaseRecord? Survivor, CaseRecord? Merged)> ReadCasesToMergeAsync(
        Guid survivorCaseId, Guid mergedCaseId, object parameters, CancellationToken cancellationToken)
    {
        if (session.Dialect.RowLocks is { } rowLocks)
        {
            var locked = await session.ReadCasesAsync(rowLocks.LockCasesForMerge, parameters, cancellationToken);
            return (locked.SingleOrDefault(c => c.Id == survivorCaseId), locked.SingleOrDefault(c => c.Id == mergedCaseId));
        }

        return (await GetCaseAsync(survivorCaseId, CaseLock.None, cancellationToken), await GetCaseAsync(mergedCaseId, CaseLock.None, cancellationToken));
    }

    private async Task<CaseRecord?> GetCaseAsync(Guid caseId, CaseLock lockMode, CancellationToken cancellationToken)
    {
        var sql = (lockMode, session.Dialect.RowLocks) switch
        {
            (CaseLock.ForUpdate, { } rowLocks) => rowLocks.SelectCaseByIdForUpdate,
            (CaseLock.ForKeyShare, { } rowLocks) => rowLocks.SelectCaseByIdForKeyShare,
            _ => session.Dialect.Commands.SelectCaseById,
        };
        var found = await session.ReadCasesAsync(sql, new { Id = Types.Id(caseId) }, cancellationToken);
        return found.SingleOrDefault();
    }
}
