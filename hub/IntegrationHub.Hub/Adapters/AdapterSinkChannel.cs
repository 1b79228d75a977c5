using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Delivery;
using IntegrationHub.Store.Subscriptions;

namespace IntegrationHub.Hub.Adapters;

/// <summary>
/// Delivers to an adapter's outbound side in this process (<see cref="ICaseEventSink"/>), so adapters' outbound actions
/// get the hub's retries, dead-letters, status and replay like any subscriber.
/// </summary>
public sealed class AdapterSinkChannel(IEnumerable<ICaseEventSink> sinks) : IDeliveryChannel
{
    private readonly Dictionary<string, ICaseEventSink> _sinks = sinks.ToDictionary(s => s.Name, StringComparer.Ordinal);

    /// <inheritdoc />
    public DeliveryChannelKind Kind => DeliveryChannelKind.Adapter;

    /// <inheritdoc />
    public async Task<DeliveryOutcome> DeliverAsync(DeliveryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = request.Subscription.Channel.Adapter?.Sink;
        if (name is null || !_sinks.TryGetValue(name, out var sink))
        {
            // Another hub process may have the adapter configured; this one cannot serve it, so try again later (and be seen).
            return DeliveryOutcome.Transient($"The adapter sink '{name}' is not configured in this hub process.");
        }

        if (request.Event.CaseId is not { } caseId)
        {
            return DeliveryOutcome.Transient("The event is not correlated with its case yet.");
        }

        var stored = request.Event;
        var result = await sink.HandleAsync(
            new SinkEvent(stored.Sequence, stored.Event, caseId, stored.Registration?.Diarienummer ?? request.Case?.Diarienummer?.Value, stored.Registration?.DocumentNumber),
            cancellationToken);
        return result.Outcome switch
        {
            SinkOutcome.Done => DeliveryOutcome.Delivered,
            SinkOutcome.Skipped => DeliveryOutcome.NothingToSend(result.Detail ?? "Nothing to do for this event."),
            SinkOutcome.Permanent => DeliveryOutcome.Rejected(result.Detail ?? "The adapter refused the event."),
            _ => DeliveryOutcome.Transient(result.Detail ?? "The adapter failed.", result.RetryAfter),
        };
    }
}
