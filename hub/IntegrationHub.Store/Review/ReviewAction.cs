namespace IntegrationHub.Store.Review;

/// <summary>One registrator action on an inbox item: what, who, when, with its details as JSON.</summary>
public sealed record ReviewAction(Guid Id, long EventSequence, string Action, string Actor, DateTimeOffset At, string? Details);
