namespace IntegrationHub.Hub.Apis.Subscriptions;

/// <summary>A change of name, filter and (when given) channel; <c>version</c> is the version the change is based on (409 if it moved on).</summary>
public sealed record UpdateSubscriptionRequest(string? Name, FilterRequest? Filter, int? Version, ChannelRequest? Channel = null);
