using System.Text.Json;
using IntegrationHub.Canonical.Serialization;

namespace IntegrationHub.Store.Subscriptions;

/// <summary>How every store keeps a subscription's filter and channel: a JSON column each, in the canonical JSON conventions.</summary>
public static class SubscriptionFilterJson
{
    /// <summary>The filter as JSON.</summary>
    public static string Write(SubscriptionFilter filter) => JsonSerializer.Serialize(filter, CaseEventJson.Options);

    /// <summary>The filter from JSON.</summary>
    public static SubscriptionFilter Read(string json) =>
        JsonSerializer.Deserialize<SubscriptionFilter>(json, CaseEventJson.Options) ?? new SubscriptionFilter();

    /// <summary>The channel as JSON.</summary>
    public static string WriteChannel(DeliveryChannel channel) => JsonSerializer.Serialize(channel, CaseEventJson.Options);

    /// <summary>The channel from JSON.</summary>
    public static DeliveryChannel ReadChannel(string json) =>
        JsonSerializer.Deserialize<DeliveryChannel>(json, CaseEventJson.Options) ?? DeliveryChannel.Feed;
}
