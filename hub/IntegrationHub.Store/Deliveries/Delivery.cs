namespace IntegrationHub.Store.Deliveries;

/// <summary>One event's delivery to one push subscription: the idempotency record and what a subscriber's status shows.</summary>
public sealed record Delivery
{
    /// <summary>The subscription.</summary>
    public required Guid SubscriptionId { get; init; }
    /// <summary>The event's sequence.</summary>
    public required long Sequence { get; init; }
    /// <summary>The CloudEvent id (the subscriber's idempotency key, with the source).</summary>
    public required string EventId { get; init; }
    /// <summary>The hub case the event belongs to (for per-case ordering).</summary>
    public Guid? CaseId { get; init; }
    /// <summary>Where it stands.</summary>
    public required DeliveryState State { get; init; }
    /// <summary>Attempts made since it was dispatched or last replayed.</summary>
    public int Attempts { get; init; }
    /// <summary>When it was dispatched.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>When the last attempt was made.</summary>
    public DateTimeOffset? LastAttemptAt { get; init; }
    /// <summary>When the next attempt is due (failing only).</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }
    /// <summary>The last error, in words an administrator understands (never personal data).</summary>
    public string? LastError { get; init; }
    /// <summary>When the subscriber accepted it.</summary>
    public DateTimeOffset? DeliveredAt { get; init; }
}
