namespace IntegrationHub.Delivery;

/// <summary>How one delivery attempt went.</summary>
/// <param name="Succeeded">The subscriber accepted the event.</param>
/// <param name="Permanent">Failed in a way another attempt cannot fix (dead-letter at once).</param>
/// <param name="Error">What went wrong, for an administrator; never personal data or the subscriber's response body.</param>
/// <param name="RetryAfter">The earliest retry the subscriber asked for (e.g. HTTP <c>Retry-After</c>).</param>
/// <param name="Skipped">Nothing to send for this event on this channel (the reason is in <paramref name="Error"/>); counts as done.</param>
public sealed record DeliveryOutcome(bool Succeeded, bool Permanent, string? Error, TimeSpan? RetryAfter = null, bool Skipped = false)
{
    /// <summary>Nothing to send, e.g. no party with a registered address; done, not failed.</summary>
    public static DeliveryOutcome NothingToSend(string reason) => new(true, false, reason, Skipped: true);

    /// <summary>Accepted.</summary>
    public static DeliveryOutcome Delivered { get; } = new(true, false, null);

    /// <summary>A failure worth retrying later.</summary>
    public static DeliveryOutcome Transient(string error, TimeSpan? retryAfter = null) => new(false, false, error, retryAfter);

    /// <summary>A failure no retry fixes.</summary>
    public static DeliveryOutcome Rejected(string error) => new(false, true, error);
}
