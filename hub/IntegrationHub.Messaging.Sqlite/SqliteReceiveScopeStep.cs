using Rebus.Pipeline;
using Rebus.Transport;

namespace IntegrationHub.Messaging.Sqlite;

/// <summary>First incoming step: makes the receive transaction the async flow's <see cref="ReceiveScope.Current"/>.</summary>
[StepDocumentation("Makes the SQLite receive transaction visible to sends made in other transaction contexts while the message is handled (e.g. by the error handler), so they do not wait for the write lock the receive transaction holds.")]
internal sealed class SqliteReceiveScopeStep : IIncomingStep
{
    /// <inheritdoc />
    public async Task Process(IncomingStepContext context, Func<Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.Load<ITransactionContext>()?.Items.TryGetValue(TransactionContextKeys.Receive, out var item) != true
            || item is not SqliteReceiveTransaction receive)
        {
            await next();
            return;
        }

        var previous = ReceiveScope.Current;
        ReceiveScope.Current = receive;
        try
        {
            await next();
        }
        finally
        {
            ReceiveScope.Current = previous;
        }
    }
}
