namespace IntegrationHub.Store.Cases;

/// <summary>One of the ids a hub case has in a source system (an EDP Future errand, a Platina case, an e-service instance).</summary>
/// <param name="SourceSystem">The source system's key.</param>
/// <param name="SourceCaseId">The case's id there.</param>
/// <param name="LinkedAt">When the link was made.</param>
/// <param name="Via">How: <c>event</c> (the case's own events), <c>hubCaseId</c> (an event named the hub case), <c>api</c>, <c>merge</c>.</param>
public sealed record CaseSourceId(string SourceSystem, string SourceCaseId, DateTimeOffset LinkedAt, string Via);
