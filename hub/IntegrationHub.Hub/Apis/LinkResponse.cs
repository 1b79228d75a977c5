namespace IntegrationHub.Hub.Apis;

/// <summary>What a link did: <c>linked</c>, <c>already-linked</c> or <c>merged</c> (with the merged case's id).</summary>
public sealed record LinkResponse(string Outcome, Guid CaseId, Guid? MergedCaseId);
