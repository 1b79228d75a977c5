using IntegrationHub.Store.Subscriptions;

namespace IntegrationHub.Hub.Apis.Subscriptions;

/// <summary>A subscription's channel without its secret.</summary>
public sealed record ChannelView(string Kind, bool OrderPerCase, WebhookView? Webhook, RabbitMqSettings? RabbitMq, EmailNotificationSettings? Email, AdapterSinkSettings? Adapter = null)
{
    /// <summary>The view of a channel.</summary>
    public static ChannelView From(DeliveryChannel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return new(KindName(channel.Kind), channel.OrderPerCase,
            channel.Webhook is { } w ? new WebhookView(w.Url, w.Mode == WebhookMode.Binary ? "binary" : "structured", w.TimeoutSeconds) : null,
            channel.RabbitMq, channel.Email, channel.Adapter);
    }

    /// <summary>The API's name of a channel kind (as <c>channel.kind</c> takes it).</summary>
    public static string KindName(DeliveryChannelKind kind) => kind switch
    {
        DeliveryChannelKind.Webhook => "webhook",
        DeliveryChannelKind.RabbitMq => "rabbitMq",
        DeliveryChannelKind.Email => "email",
        DeliveryChannelKind.Adapter => "adapter",
        _ => "feed",
    };
}

/// <summary>A webhook's endpoint, mode and timeout.</summary>
public sealed record WebhookView(Uri Url, string Mode, int TimeoutSeconds);
