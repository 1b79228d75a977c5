using IntegrationHub.Hub.Pipeline;
using IntegrationHub.Store;
using Npgsql;
using Rebus.Config.Outbox;
using Rebus.Pipeline;
using Rebus.Transport;

namespace IntegrationHub.Host.Storage;

/// <summary>Enlists intake messages in the store's transaction through Rebus.PostgreSql's outbox.</summary>
public sealed class PostgreSqlPipelineTransactions(IHubStore store) : IPipelineTransactions
{
    /// <inheritdoc />
    public void Enlist(RebusTransactionScope scope, IStoreSession session)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(session);
        scope.UseOutbox((NpgsqlConnection)session.Connection, (NpgsqlTransaction)session.Transaction);
    }

    /// <inheritdoc />
    public Task<IStoreSession> OpenHandlerSessionAsync(IMessageContext messageContext, CancellationToken cancellationToken) =>
        store.BeginAsync(cancellationToken);
}
