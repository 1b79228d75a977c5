using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Store.Subscriptions;

/// <summary>
/// Which events a subscriber receives. Empty lists mean "all". Events classified above
/// <see cref="ClassificationCeiling"/> are never delivered to the subscriber.
/// </summary>
public sealed record SubscriptionFilter
{
    /// <summary>Event types (<c>se.sambruk.case.*</c>).</summary>
    public IReadOnlyList<string> EventTypes { get; init; } = [];
    /// <summary>Case type keys of the event's case (as the hub knows the case, not only as the event states it).</summary>
    public IReadOnlyList<string> CaseTypes { get; init; } = [];
    /// <summary>Unit ids of the event's case.</summary>
    public IReadOnlyList<string> Units { get; init; } = [];
    /// <summary>CloudEvents sources of the events (e.g. an adapter's own, for its outbound side).</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];
    /// <summary>The highest classification the subscriber may receive.</summary>
    public DataClassification ClassificationCeiling { get; init; } = DataClassification.Public;
}
