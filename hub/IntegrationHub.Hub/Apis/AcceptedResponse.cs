using IntegrationHub.Adapters.Abstractions;

namespace IntegrationHub.Hub.Apis;

/// <summary>The body of a 202: every submitted event with its sequence, and whether it was a duplicate.</summary>
public sealed record AcceptedResponse(IReadOnlyList<AcceptedEvent> Accepted);
