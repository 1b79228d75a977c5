namespace IntegrationHub.Hub.Apis;

/// <summary>How many dead letters went back to their queues.</summary>
public sealed record ReplayResult(int Replayed);
