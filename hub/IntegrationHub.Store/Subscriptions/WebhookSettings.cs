namespace IntegrationHub.Store.Subscriptions;

/// <summary>A webhook endpoint and how requests to it are made and signed.</summary>
public sealed record WebhookSettings
{
    /// <summary>The endpoint the hub POSTs to.</summary>
    public required Uri Url { get; init; }

    /// <summary>Structured or binary CloudEvents HTTP binding.</summary>
    public WebhookMode Mode { get; init; } = WebhookMode.Structured;

    /// <summary>
    /// The signing secret (<c>whsec_</c> + base64 of 32 random bytes). Shown once when created or rotated, never again.
    /// </summary>
    public required string Secret { get; init; }

    /// <summary>How long one request may take before it counts as failed.</summary>
    public int TimeoutSeconds { get; init; } = 10;

    /// <inheritdoc />
    public override string ToString() => $"WebhookSettings {{ Url = {Url}, Mode = {Mode} }}";
}
