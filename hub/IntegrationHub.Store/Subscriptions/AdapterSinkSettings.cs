namespace IntegrationHub.Store.Subscriptions;

/// <summary>Which adapter sink (by its stable name, e.g. "mailbox-receipts/kommunen") a subscription delivers to.</summary>
public sealed record AdapterSinkSettings
{
    /// <summary>The sink's name.</summary>
    public required string Sink { get; init; }
}
