using System.Text.Json.Serialization;

namespace IntegrationHub.Store.Deliveries;

/// <summary>Where one event's delivery to one subscription stands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeliveryState>))]
public enum DeliveryState
{
    /// <summary>Dispatched, not yet attempted (or waiting for an earlier event of the same case).</summary>
    Pending,
    /// <summary>The last attempt failed; another is scheduled (<see cref="Delivery.NextAttemptAt"/>).</summary>
    Failing,
    /// <summary>The subscriber accepted it.</summary>
    Delivered,
    /// <summary>Not sent because the subscription's filter no longer lets it through (e.g. its ceiling was lowered).</summary>
    Skipped,
    /// <summary>Gave up (attempts used up, or a permanent error); waits in the dead-letter queue for a replay.</summary>
    DeadLettered,
}
