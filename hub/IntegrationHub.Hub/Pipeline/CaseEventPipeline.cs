using IntegrationHub.Store;
using Microsoft.Extensions.Logging;
using Rebus.Handlers;
using Rebus.Pipeline;

namespace IntegrationHub.Hub.Pipeline;

/// <summary>
/// Correlates an accepted event with its case and indexes it for the timelines. Idempotent: a
/// redelivered message re-applies the same upsert (ignored as not newer) and the same links.
/// </summary>
public sealed class CaseEventPipeline(
    IHubStore store,
    IPipelineTransactions transactions,
    IMessageContext messageContext,
    ILogger<CaseEventPipeline> logger) : IHandleMessages<ProcessCaseEvent>
{
    /// <inheritdoc />
    public async Task Handle(ProcessCaseEvent message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var cancellationToken = messageContext.IncomingStepContext.Load<CancellationToken>();
        var stored = await store.GetEventAsync(message.Sequence, cancellationToken)
            ?? throw new InvalidOperationException($"Event {message.Sequence} is not in the store.");

        await using var session = await transactions.OpenHandlerSessionAsync(messageContext, cancellationToken);
        var caseRecord = await session.UpsertCaseAsync(CaseProjection.ToUpsert(stored.Sequence, stored.Event), cancellationToken);
        await session.LinkEventToCaseAsync(stored.Sequence, caseRecord.Id, cancellationToken);
        await session.IndexPersonsAsync(stored.Sequence, caseRecord.Id, CaseProjection.People(stored.Event), cancellationToken);
        await session.CommitAsync(cancellationToken);

        // Sequence and ids only: the event itself may hold personal data.
        logger.LogDebug("Event {Sequence} correlated to case {CaseId}", stored.Sequence, caseRecord.Id);
    }
}
