using System.Globalization;

namespace IntegrationHub.Hub.Delivery;

/// <summary>
/// The second Rebus bus of a hub process: its input queue holds <see cref="DeliverEvent"/> messages. On SQLite it runs
/// in lease mode, so a delivery's network call never holds the database's write lock.
/// </summary>
public static class DeliveryBus
{
    /// <summary>The bus's key in Rebus's bus registry.</summary>
    public const string Key = "ihub-delivery";

    /// <summary>Its input queue.</summary>
    public const string InputQueue = "ihub-delivery";

    /// <summary>Header naming the subscription, so its dead letters can be found and replayed.</summary>
    public const string SubscriptionHeader = "ihub-subscription";

    /// <summary>Header naming the event's sequence.</summary>
    public const string SequenceHeader = "ihub-sequence";

    /// <summary>The headers a delivery message carries.</summary>
    public static Dictionary<string, string> Headers(DeliverEvent message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [SubscriptionHeader] = message.SubscriptionId.ToString(),
            [SequenceHeader] = message.Sequence.ToString(CultureInfo.InvariantCulture),
        };
    }
}
