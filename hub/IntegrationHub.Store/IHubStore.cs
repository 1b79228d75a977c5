using System.Data.Common;
using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Store;

/// <summary>
/// The hub's store: an append-only event log with a global sequence, the cases built from it,
/// and the timelines per case and per person. Implemented for SQLite and PostgreSQL; both pass
/// the same contract test suite.
/// </summary>
public interface IHubStore
{
    /// <summary>Diary reads.</summary>
    Diary.IDiaryQueries Diary { get; }

    /// <summary>Cross-system correlation reads.</summary>
    Cases.ICaseLinkQueries Links { get; }

    /// <summary>Applies the versioned migrations that are not yet applied.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>Opens a connection and begins a transaction owned by the returned session.</summary>
    Task<IStoreSession> BeginAsync(CancellationToken cancellationToken);

    /// <summary>Wraps a transaction owned by someone else (e.g. the message transport); commit stays with the owner.</summary>
    IStoreSession Enlist(DbConnection connection, DbTransaction transaction);

    /// <summary>Events after a sequence, in sequence order. A cursor never skips an event committed later with a lower sequence.</summary>
    Task<IReadOnlyList<StoredEvent>> ReadFeedAsync(long afterSequence, int limit, string? municipality, CancellationToken cancellationToken);

    /// <summary>The highest sequence stored, 0 when the log is empty; also proves the store is reachable.</summary>
    Task<long> GetLastSequenceAsync(CancellationToken cancellationToken);

    /// <summary>One event by sequence.</summary>
    Task<StoredEvent?> GetEventAsync(long sequence, CancellationToken cancellationToken);

    /// <summary>One case by hub id.</summary>
    Task<CaseRecord?> GetCaseAsync(Guid caseId, CancellationToken cancellationToken);

    /// <summary>Cases matching a query, newest update first.</summary>
    Task<IReadOnlyList<CaseRecord>> FindCasesAsync(CaseQuery query, CancellationToken cancellationToken);

    /// <summary>A case's events, oldest first (by occurredAt, then sequence).</summary>
    Task<IReadOnlyList<StoredEvent>> GetCaseTimelineAsync(Guid caseId, CancellationToken cancellationToken);

    /// <summary>
    /// The Mina Sidor timeline of one person in one municipality, newest first (by occurredAt, then
    /// sequence): events that concern the person, name them as a party, or belong to a case where they are a party.
    /// </summary>
    Task<IReadOnlyList<StoredEvent>> GetPersonTimelineAsync(string municipality, PartyIdentity person, TimelinePage page, CancellationToken cancellationToken);
}
