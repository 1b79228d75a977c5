namespace IntegrationHub.Store.Subscriptions;

/// <summary>A downstream consumer's subscription to the canonical events of one municipality.</summary>
public sealed record Subscription
{
    /// <summary>The subscription's id.</summary>
    public required Guid Id { get; init; }
    /// <summary>Kommunkod: a subscription only ever sees its own municipality's events.</summary>
    public required string Municipality { get; init; }
    /// <summary>A name for people, e.g. "Mina Sidor".</summary>
    public required string Name { get; init; }
    /// <summary>Which events.</summary>
    public required SubscriptionFilter Filter { get; init; }
    /// <summary>Where events are pushed (webhook, RabbitMQ, e-mail), or only the feed.</summary>
    public DeliveryChannel Channel { get; init; } = DeliveryChannel.Feed;
    /// <summary>Active or paused.</summary>
    public required SubscriptionStatus Status { get; init; }
    /// <summary>The subscription starts after this sequence (0: the whole history; the last sequence at creation: from now).</summary>
    public required long StartAfterSequence { get; init; }
    /// <summary>When it was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>When it was last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }
    /// <summary>1 when created, +1 per change; changes name the version they expect.</summary>
    public required int Version { get; init; }
}
