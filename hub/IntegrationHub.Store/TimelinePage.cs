namespace IntegrationHub.Store;

/// <summary>A page of a timeline, newest first.</summary>
/// <param name="Offset">Items to skip.</param>
/// <param name="Limit">Items to return.</param>
public sealed record TimelinePage(int Offset, int Limit);
