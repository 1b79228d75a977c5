using System.Text.Json;
using IntegrationHub.Canonical.Serialization;

namespace IntegrationHub.Store.Subscriptions;

/// <summary>How every store keeps a subscription's filter: one JSON column, in the canonical JSON conventions.</summary>
public static class SubscriptionFilterJson
{
    /// <summary>The filter as JSON.</summary>
    public static string Write(SubscriptionFilter filter) => JsonSerializer.Serialize(filter, CaseEventJson.Options);

    /// <summary>The filter from JSON.</summary>
    public static SubscriptionFilter Read(string json) =>
        JsonSerializer.Deserialize<SubscriptionFilter>(json, CaseEventJson.Options) ?? new SubscriptionFilter();
}
