namespace IntegrationHub.Hub.Apis;

/// <summary>The health document.</summary>
/// <param name="Status"><c>healthy</c> or <c>unhealthy</c>.</param>
/// <param name="Store"><c>reachable</c> or <c>unreachable</c>.</param>
/// <param name="LastSequence">The newest sequence in the event log, when the store is reachable.</param>
public sealed record HealthReport(string Status, string Store, long? LastSequence);
