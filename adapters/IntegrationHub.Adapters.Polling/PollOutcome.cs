namespace IntegrationHub.Adapters.Polling;

/// <summary>What one run of the poller did for a source.</summary>
/// <param name="Ran">False when another hub process holds the source's poll lease.</param>
/// <param name="Batches">Batches received and stored.</param>
/// <param name="NewEvents">Events stored for the first time.</param>
/// <param name="Duplicates">Events the hub already had (a redelivery).</param>
/// <param name="Error">Why the run stopped early, or null.</param>
public sealed record PollOutcome(bool Ran, int Batches, int NewEvents, int Duplicates, string? Error);
