using System.Text.Json.Serialization;

namespace IntegrationHub.Store.Subscriptions;

/// <summary>How a subscription receives its events.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeliveryChannelKind>))]
public enum DeliveryChannelKind
{
    /// <summary>Pull only: the cursor feed and the Server-Sent Events stream (every subscription has these).</summary>
    Feed,
    /// <summary>The hub POSTs each event to an HTTPS endpoint (CloudEvents HTTP binding, signed).</summary>
    Webhook,
    /// <summary>The hub publishes each event to a RabbitMQ topic exchange.</summary>
    RabbitMq,
    /// <summary>The hub e-mails the case's parties that something new happened (händelsenotifiering), without case details.</summary>
    Email,
    /// <summary>An adapter's outbound side in the hub's process (e.g. mail receipts); provisioned by the hub from the adapter's configuration.</summary>
    Adapter,
}
