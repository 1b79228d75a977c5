using Rebus.Pipeline;
using Rebus.Transport;

namespace IntegrationHub.Messaging.Sqlite;

/// <summary>Runs right after the retry step: each delivery attempt gets a savepoint that is rolled back if it throws.</summary>
[StepDocumentation("Wraps each delivery attempt in a SQLite savepoint, so the database work and sends of an attempt that throws are undone before Rebus retries or dead-letters the message.")]
internal sealed class SqliteHandlerAttemptStep : IIncomingStep
{
    /// <inheritdoc />
    public Task Process(IncomingStepContext context, Func<Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        return context.Load<ITransactionContext>()?.Items.TryGetValue(TransactionContextKeys.Receive, out var item) == true
            && item is SqliteReceiveTransaction receive
                ? receive.RunAttemptAsync(next)
                : next();
    }
}
