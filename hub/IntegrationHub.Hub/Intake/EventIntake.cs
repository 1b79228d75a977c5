using System.Text.Json;
using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Canonical.Serialization;
using IntegrationHub.Canonical.Validation;
using IntegrationHub.Hub.Pipeline;
using IntegrationHub.Store;
using Microsoft.Extensions.Logging;
using Rebus.Bus;
using Rebus.ServiceProvider;
using Rebus.Transport;

namespace IntegrationHub.Hub.Intake;

/// <summary>
/// Durably accepts canonical events: appends them to the event log and queues them for the
/// pipeline in ONE database transaction, so an acknowledged event is never lost and never
/// processed twice by accident (the pipeline is idempotent besides).
/// </summary>
public sealed class EventIntake(
    IHubStore store,
    IBusRegistry buses,
    IPipelineTransactions transactions,
    TimeProvider timeProvider,
    ILogger<EventIntake> logger) : ICaseEventIntake
{
    /// <inheritdoc />
    public async Task<IntakeReceipt> SubmitAsync(IReadOnlyList<CaseEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var rejected = new List<RejectedEvent>();
        for (var i = 0; i < events.Count; i++)
        {
            var errors = CaseEventValidator.Default.Validate(CaseEventFormatter.ToJsonElement(events[i]));
            if (errors.Count > 0)
            {
                rejected.Add(new RejectedEvent(i, errors));
            }
        }

        if (rejected.Count > 0)
        {
            throw new CaseEventsRejectedException(rejected);
        }

        return await AcceptValidatedAsync(events, cancellationToken);
    }

    /// <summary>Parses and validates JSON events; nothing is stored unless every one is valid.</summary>
    public async Task<IntakeReceipt> SubmitJsonAsync(IReadOnlyList<JsonElement> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var rejected = new List<RejectedEvent>();
        for (var i = 0; i < events.Count; i++)
        {
            var errors = CaseEventValidator.Default.Validate(events[i]);
            if (errors.Count > 0)
            {
                rejected.Add(new RejectedEvent(i, errors));
            }
        }

        if (rejected.Count > 0)
        {
            throw new CaseEventsRejectedException(rejected);
        }

        var decoded = events.Select(e => CaseEventFormatter.DecodeStructured(JsonSerializer.SerializeToUtf8Bytes(e))).ToList();
        return await AcceptValidatedAsync(decoded, cancellationToken);
    }

    private async Task<IntakeReceipt> AcceptValidatedAsync(IReadOnlyList<CaseEvent> events, CancellationToken cancellationToken)
    {
        var receivedAt = timeProvider.GetUtcNow();
        var accepted = new List<AcceptedEvent>(events.Count);

        var bus = buses.GetBus(PipelineBus.Key);
        await using var session = await store.BeginAsync(cancellationToken);
        using (var scope = new RebusTransactionScope())
        {
            transactions.Enlist(scope, session);
            foreach (var caseEvent in events)
            {
                var result = await session.AppendAsync(caseEvent, receivedAt, cancellationToken);
                accepted.Add(new AcceptedEvent(caseEvent.Source, caseEvent.Id, result.Sequence, result.IsDuplicate));
                if (!result.IsDuplicate)
                {
                    await bus.SendLocal(new ProcessCaseEvent(result.Sequence));
                }
            }

            await scope.CompleteAsync();
        }

        await session.CommitAsync(cancellationToken);

        var stored = accepted.Count(a => !a.Duplicate);
        logger.LogInformation("Accepted {Stored} new and {Duplicates} duplicate event(s), last sequence {Sequence}",
            stored, accepted.Count - stored, accepted.Count > 0 ? accepted.Max(a => a.Sequence) : 0);
        return new IntakeReceipt(accepted);
    }
}
