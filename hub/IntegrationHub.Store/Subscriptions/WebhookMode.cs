using System.Text.Json.Serialization;

namespace IntegrationHub.Store.Subscriptions;

/// <summary>The CloudEvents HTTP binding's content modes.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WebhookMode>))]
public enum WebhookMode
{
    /// <summary>The whole CloudEvent as the body, <c>application/cloudevents+json</c>.</summary>
    Structured,
    /// <summary>The attributes as <c>ce-*</c> headers, the event's data as the body (<c>application/json</c>).</summary>
    Binary,
}
