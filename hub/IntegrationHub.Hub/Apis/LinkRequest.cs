namespace IntegrationHub.Hub.Apis;

/// <summary>
/// Link a case with another system's id for it (<c>sourceSystem</c> + <c>sourceCaseId</c>), or with another
/// hub case (<c>caseId</c>), which is then merged into this one. <c>municipality</c>, when given, must be the case's.
/// </summary>
public sealed record LinkRequest(string? SourceSystem, string? SourceCaseId, Guid? CaseId, string? Municipality);
