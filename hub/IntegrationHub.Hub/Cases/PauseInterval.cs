namespace IntegrationHub.Hub.Cases;

/// <summary>One period of waiting for another party; <paramref name="To"/> is null while it lasts.</summary>
public sealed record PauseInterval(DateTimeOffset From, DateTimeOffset? To);
