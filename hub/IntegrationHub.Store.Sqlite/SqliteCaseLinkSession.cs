using Dapper;
using IntegrationHub.Store.Cases;

namespace IntegrationHub.Store.Sqlite;

/// <summary>
/// The correlation writes of one SQLite session, in its transaction. The session holds SQLite's
/// single write lock, so a look-up and the write that depends on it cannot race another writer.
/// </summary>
internal sealed class SqliteCaseLinkSession(SqliteStoreSession session) : ICaseLinkSession
{
    /// <summary>More merges in a chain than this means the data is broken, not that the chain is long.</summary>
    private const int MaxMergeHops = 64;

    public async Task<Guid?> FindCaseBySourceAsync(string municipality, string sourceSystem, string sourceCaseId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(municipality);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceSystem);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceCaseId);
        session.ThrowIfCompleted();
        return await FindLinkedCaseIdAsync(municipality, sourceSystem, sourceCaseId, cancellationToken) is { } linked
            ? (await GetLiveCaseAsync(linked, cancellationToken))?.Id
            : null;
    }

    public async Task<LinkOutcome> LinkSourceAsync(Guid caseId, string sourceSystem, string sourceCaseId, string via, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceSystem);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceCaseId);
        ArgumentException.ThrowIfNullOrWhiteSpace(via);
        session.ThrowIfCompleted();
        // A merged case's links live on its survivor, so that is where a new one goes too.
        var target = await GetLiveCaseAsync(caseId, cancellationToken) ?? throw new KeyNotFoundException($"There is no case {caseId} to link a source id to.");
        if (await FindLinkedCaseIdAsync(target.Municipality, sourceSystem, sourceCaseId, cancellationToken) is { } owner)
        {
            var ownerId = (await GetLiveCaseAsync(owner, cancellationToken))?.Id ?? owner;
            return ownerId == target.Id ? new LinkOutcome(LinkStatus.AlreadyLinked) : new LinkOutcome(LinkStatus.BelongsToOtherCase, ownerId);
        }

        await InsertSourceIdAsync(target.Municipality, sourceSystem, sourceCaseId, target.Id, via, session.Clock.GetUtcNow(), cancellationToken);
        return new LinkOutcome(LinkStatus.Linked);
    }

    public async Task AddRelationAsync(CaseRelation relation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(relation);
        session.ThrowIfCompleted();
        var from = await GetLiveCaseAsync(relation.CaseId, cancellationToken) ?? throw new KeyNotFoundException($"There is no case {relation.CaseId} to relate.");
        var to = await GetLiveCaseAsync(relation.RelatedCaseId, cancellationToken) ?? throw new KeyNotFoundException($"There is no case {relation.RelatedCaseId} to relate to.");
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

        await session.Connection.ExecuteAsync(session.Command(SqliteCaseLinkCommands.InsertRelation, new
        {
            CaseId = SqliteRows.Text(from.Id),
            RelatedCaseId = SqliteRows.Text(to.Id),
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

        var survivor = await GetCaseAsync(survivorCaseId, cancellationToken) ?? throw new KeyNotFoundException($"There is no case {survivorCaseId} to merge into.");
        var merged = await GetCaseAsync(mergedCaseId, cancellationToken) ?? throw new KeyNotFoundException($"There is no case {mergedCaseId} to merge.");
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

        var parameters = new
        {
            SurvivorId = SqliteRows.Text(survivor.Id),
            MergedId = SqliteRows.Text(merged.Id),
            Now = session.Clock.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        foreach (var sql in new[]
        {
            SqliteCaseLinkCommands.MoveSourceIds,
            SqliteCaseLinkCommands.MoveEvents,
            SqliteCaseLinkCommands.CopyParties,
            SqliteCaseLinkCommands.DeleteMergedParties,
            SqliteCaseLinkCommands.CopyRelations,
            SqliteCaseLinkCommands.DeleteMergedRelations,
            SqliteCaseLinkCommands.AbsorbMergedFields,
            SqliteCaseLinkCommands.MarkMerged,
        })
        {
            await session.Connection.ExecuteAsync(session.Command(sql, parameters, cancellationToken));
        }
    }

    /// <summary>The case a source id is linked to, as stored (not resolved through merges).</summary>
    internal async Task<Guid?> FindLinkedCaseIdAsync(string municipality, string sourceSystem, string sourceCaseId, CancellationToken cancellationToken)
    {
        var caseId = await session.Connection.QuerySingleOrDefaultAsync<string?>(session.Command(
            SqliteCaseLinkCommands.SelectCaseIdBySource,
            new { Municipality = municipality, SourceSystem = sourceSystem, SourceCaseId = sourceCaseId },
            cancellationToken));
        return caseId is null ? null : Guid.Parse(caseId);
    }

    internal Task InsertSourceIdAsync(
        string municipality, string sourceSystem, string sourceCaseId, Guid caseId, string via, DateTimeOffset linkedAt, CancellationToken cancellationToken) =>
        session.Connection.ExecuteAsync(session.Command(SqliteCaseLinkCommands.InsertSourceId, new
        {
            Municipality = municipality,
            SourceSystem = sourceSystem,
            SourceCaseId = sourceCaseId,
            CaseId = SqliteRows.Text(caseId),
            LinkedAt = linkedAt.ToUnixTimeMilliseconds(),
            Via = via,
        }, cancellationToken));

    /// <summary>The case, or the survivor it was merged into (followed through every merge); null when there is no such case.</summary>
    internal async Task<CaseRecord?> GetLiveCaseAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var record = await GetCaseAsync(caseId, cancellationToken);
        for (var hops = 0; record?.MergedInto is { } survivor; hops++)
        {
            if (hops == MaxMergeHops)
            {
                throw new InvalidOperationException($"Case {caseId} is merged through more than {MaxMergeHops} cases; the merge chain is broken.");
            }

            record = await GetCaseAsync(survivor, cancellationToken)
                ?? throw new InvalidOperationException($"Case {record.Id} was merged into case {survivor}, which does not exist.");
        }

        return record;
    }

    private async Task<CaseRecord?> GetCaseAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var found = await SqliteRows.ReadCasesAsync(
            session.Connection, session.Command(SqliteCommands.SelectCaseById, new { Id = SqliteRows.Text(caseId) }, cancellationToken), cancellationToken);
        return found.SingleOrDefault();
    }
}
