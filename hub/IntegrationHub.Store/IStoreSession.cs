using System.Data.Common;
using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Store;

/// <summary>
/// One database transaction of writes. Messages sent on the bus can enlist in
/// <see cref="Connection"/> and <see cref="Transaction"/> so state and messages commit together.
/// Disposing without <see cref="CommitAsync"/> rolls back (unless the transaction is owned by someone else).
/// </summary>
public interface IStoreSession : IAsyncDisposable
{
    /// <summary>The open connection.</summary>
    DbConnection Connection { get; }

    /// <summary>The transaction every write of this session runs in.</summary>
    DbTransaction Transaction { get; }

    /// <summary>Diary writes in this session's transaction.</summary>
    Diary.IDiarySession Diary { get; }

    /// <summary>Cross-system correlation writes in this session's transaction.</summary>
    Cases.ICaseLinkSession Links { get; }

    /// <summary>Appends an event; a repeat of the same source + id writes nothing and reports the earlier sequence.</summary>
    Task<AppendResult> AppendAsync(CaseEvent caseEvent, DateTimeOffset receivedAt, CancellationToken cancellationToken);

    /// <summary>
    /// Creates or updates the case the event belongs to and returns it. The case is found through its
    /// source ids (see <see cref="Cases.ICaseLinkSession"/>); a new case gets the event's source id as its
    /// first link. A diarienummer is only ever set on a case that has none: it is never overwritten.
    /// </summary>
    Task<CaseRecord> UpsertCaseAsync(CaseUpsert upsert, CancellationToken cancellationToken);

    /// <summary>Records which case an event belongs to (idempotent).</summary>
    Task LinkEventToCaseAsync(long sequence, Guid caseId, CancellationToken cancellationToken);

    /// <summary>Indexes the people an event names, for person timelines (idempotent).</summary>
    Task IndexPersonsAsync(long sequence, Guid caseId, IReadOnlyCollection<PersonLink> people, CancellationToken cancellationToken);

    /// <summary>Commits, when this session owns its transaction; otherwise the owner commits.</summary>
    Task CommitAsync(CancellationToken cancellationToken);
}
