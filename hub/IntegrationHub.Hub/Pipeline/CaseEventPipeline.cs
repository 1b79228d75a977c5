using IntegrationHub.Hub.Delivery;
using IntegrationHub.Hub.Diary;
using IntegrationHub.Store;
using Microsoft.Extensions.Logging;
using Rebus.Handlers;
using Rebus.Pipeline;

namespace IntegrationHub.Hub.Pipeline;

/// <summary>
/// The hub's pipeline for one accepted event, in one transaction: link it to the hub case it names,
/// correlate it with its case, relate collaborating cases, index the people it names, register
/// it in the diary, and put it in the registrator's inbox when its source asked for review. Idempotent: a redelivered message changes nothing that was already done.
/// </summary>
public sealed class CaseEventPipeline(
    IHubStore store,
    IPipelineTransactions transactions,
    CaseCorrelator correlator,
    DiaryRegistrar registrar,
    Review.ReviewInbox reviewInbox,
    DeliverySignal deliverySignal,
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
        var caseEvent = stored.Event;

        await using var session = await transactions.OpenHandlerSessionAsync(messageContext, cancellationToken);
        await correlator.LinkNamedHubCaseAsync(session, caseEvent, cancellationToken);
        var caseRecord = await session.UpsertCaseAsync(CaseProjection.ToUpsert(stored.Sequence, caseEvent), cancellationToken);
        await session.LinkEventToCaseAsync(stored.Sequence, caseRecord.Id, cancellationToken);
        await correlator.RelateAsync(session, stored.Sequence, caseEvent, caseRecord, cancellationToken);
        await session.IndexPersonsAsync(stored.Sequence, caseRecord.Id, CaseProjection.People(caseEvent), cancellationToken);
        await registrar.RegisterAsync(session, stored, caseRecord, cancellationToken);
        await reviewInbox.AddAsync(session, stored, caseRecord, cancellationToken);
        await session.CommitAsync(cancellationToken);

        // The event is correlated once the receive transaction is done (on SQLite that is after this method returns);
        // then push subscriptions may be dispatched to.
        messageContext.TransactionContext.OnDisposed(_ => deliverySignal.Nudge());

        // Sequence and ids only: the event itself may hold personal data.
        logger.LogDebug("Event {Sequence} correlated to case {CaseId}", stored.Sequence, caseRecord.Id);
    }
}
