using IntegrationHub.Store;
using Rebus.Pipeline;
using Rebus.Transport;

namespace IntegrationHub.Hub.Pipeline;

/// <summary>
/// Ties bus messages to store transactions, so that a state change and the messages it causes
/// commit together. Each storage backend (SQLite with the SQLite transport, PostgreSQL with the
/// Rebus outbox) provides its own.
/// </summary>
public interface IPipelineTransactions
{
    /// <summary>Makes messages sent in <paramref name="scope"/> part of <paramref name="session"/>'s transaction.</summary>
    void Enlist(RebusTransactionScope scope, IStoreSession session);

    /// <summary>The store session a message handler writes in: the transport's own transaction where it shares the database.</summary>
    Task<IStoreSession> OpenHandlerSessionAsync(IMessageContext messageContext, CancellationToken cancellationToken);
}
