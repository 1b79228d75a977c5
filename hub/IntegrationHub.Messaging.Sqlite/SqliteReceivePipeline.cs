using Rebus.Pipeline;
using Rebus.Retry.Simple;

namespace IntegrationHub.Messaging.Sqlite;

/// <summary>
/// Adds the transport's two incoming steps: <see cref="SqliteReceiveScopeStep"/> first (the retry step's error handler
/// runs inside it) and <see cref="SqliteHandlerAttemptStep"/> right after the retry step (so every attempt is wrapped).
/// </summary>
/// <param name="inner">The pipeline being decorated.</param>
internal sealed class SqliteReceivePipeline(IPipeline inner) : IPipeline
{
    private readonly Lazy<IIncomingStep[]> _receive = new(() => Build(inner.ReceivePipeline()));

    /// <inheritdoc />
    public IOutgoingStep[] SendPipeline() => inner.SendPipeline();

    /// <inheritdoc />
    public IIncomingStep[] ReceivePipeline() => _receive.Value;

    private static IIncomingStep[] Build(IIncomingStep[] steps)
    {
        var result = steps.ToList();
        var retryStep = result.FindIndex(step => step is IRetryStep);
        result.Insert(retryStep + 1, new SqliteHandlerAttemptStep());
        result.Insert(0, new SqliteReceiveScopeStep());
        return [.. result];
    }
}
