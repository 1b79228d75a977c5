namespace IntegrationHub.Hub.Apis;

/// <summary>The health document.</summary>
public sealed record HealthReport(string Status, string Store);
