namespace IntegrationHub.Hub.Apis;

/// <summary>A page of a person's timeline, newest first.</summary>
public sealed record TimelinePageResponse(IReadOnlyList<FeedItem> Items, int Page, int PageSize);
