namespace IntegrationHub.Hub.Apis.Subscriptions;

/// <summary>
/// A new subscription. Where it starts: <c>startFrom</c> <c>now</c> (default) or <c>beginning</c>, or
/// <c>startAfterSequence</c>, or <c>startFromTime</c> (a backfill from the first event received then) — one of them.
/// </summary>
public sealed record CreateSubscriptionRequest(
    string? Municipality,
    string? Name,
    FilterRequest? Filter,
    string? StartFrom,
    long? StartAfterSequence,
    DateTimeOffset? StartFromTime,
    ChannelRequest? Channel = null);
