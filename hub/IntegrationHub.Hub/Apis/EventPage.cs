namespace IntegrationHub.Hub.Apis;

/// <summary>A page of the event feed; pass <paramref name="LastSequence"/> as <c>after</c> to continue.</summary>
public sealed record EventPage(IReadOnlyList<FeedItem> Items, long LastSequence);
