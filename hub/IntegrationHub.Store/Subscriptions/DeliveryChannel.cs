using System.Text.Json.Serialization;

namespace IntegrationHub.Store.Subscriptions;

/// <summary>Where and how a subscription's events are pushed; <see cref="DeliveryChannelKind.Feed"/> pushes nothing.</summary>
public sealed record DeliveryChannel
{
    /// <summary>The pull-only channel every subscription starts with.</summary>
    public static DeliveryChannel Feed { get; } = new();

    /// <summary>The kind; exactly the matching settings below are set.</summary>
    public DeliveryChannelKind Kind { get; init; } = DeliveryChannelKind.Feed;

    /// <summary>Events of one case are delivered one at a time, in sequence order (a later one waits for the earlier).</summary>
    public bool OrderPerCase { get; init; }

    /// <summary>Settings of a webhook.</summary>
    public WebhookSettings? Webhook { get; init; }

    /// <summary>Settings of a RabbitMQ publication.</summary>
    public RabbitMqSettings? RabbitMq { get; init; }

    /// <summary>Settings of citizen notification e-mail.</summary>
    public EmailNotificationSettings? Email { get; init; }

    /// <summary>The adapter sink, for <see cref="DeliveryChannelKind.Adapter"/>.</summary>
    public AdapterSinkSettings? Adapter { get; init; }

    /// <summary>Whether the hub pushes events to this channel (everything but the feed).</summary>
    [JsonIgnore]
    public bool IsPush => Kind != DeliveryChannelKind.Feed;
}
