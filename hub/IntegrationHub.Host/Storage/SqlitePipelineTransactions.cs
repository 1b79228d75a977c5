using IntegrationHub.Hub.Pipeline;
using IntegrationHub.Messaging.Sqlite;
using IntegrationHub.Store;
using Microsoft.Data.Sqlite;
using Rebus.Pipeline;
using Rebus.Transport;

namespace IntegrationHub.Host.Storage;

/// <summary>Shares one SQLite transaction between the store and the SQLite transport.</summary>
public sealed class SqlitePipelineTransactions(IHubStore store) : IPipelineTransactions
{
    /// <inheritdoc />
    public void Enlist(RebusTransactionScope scope, IStoreSession session)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(session);
        scope.UseSqliteTransaction((SqliteConnection)session.Connection, (SqliteTransaction)session.Transaction);
    }

    /// <inheritdoc />
    public Task<IStoreSession> OpenHandlerSessionAsync(IMessageContext messageContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messageContext);
        var (connection, transaction) = messageContext.GetSqliteTransaction();
        return Task.FromResult(store.Enlist(connection, transaction));
    }
}
