using System.Globalization;
using IntegrationHub.Hub.DeadLetters;

namespace IntegrationHub.Hub.Delivery;

/// <summary>
/// Replays a subscription's dead-lettered deliveries: their messages go from Rebus's error queue back to the delivery
/// queue, where the handler sees the dead-lettered record and starts the attempts afresh.
/// </summary>
public sealed class DeliveryReplay(IDeadLetters deadLetters, DeliverySignal signal)
{
    /// <summary>Replays one delivery (<paramref name="sequence"/>) or all of the subscription's; how many.</summary>
    public async Task<int> ReplayAsync(Guid subscriptionId, long? sequence, CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal) { [DeliveryBus.SubscriptionHeader] = subscriptionId.ToString() };
        if (sequence is { } one)
        {
            headers[DeliveryBus.SequenceHeader] = one.ToString(CultureInfo.InvariantCulture);
        }

        var replayed = await deadLetters.ReplayMatchingAsync(headers, cancellationToken);
        signal.Nudge();
        return replayed;
    }
}
