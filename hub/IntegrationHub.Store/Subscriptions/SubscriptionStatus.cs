namespace IntegrationHub.Store.Subscriptions;

/// <summary>Whether a subscription is served.</summary>
public enum SubscriptionStatus
{
    /// <summary>Served.</summary>
    Active,
    /// <summary>Paused: its stream sends nothing until resumed; its cursor-based feed stays readable.</summary>
    Paused,
}
