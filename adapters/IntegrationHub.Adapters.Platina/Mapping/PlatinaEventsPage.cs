namespace IntegrationHub.Adapters.Platina.Mapping;

/// <summary>One page of <c>GET /events</c>: the events, oldest first, and the cursor to continue from (null at the end).</summary>
internal sealed record PlatinaEventsPage(IReadOnlyList<PlatinaEvent> Events, string? Next);
