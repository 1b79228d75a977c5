namespace IntegrationHub.Store.Cases;

/// <summary>A directed relation from <paramref name="CaseId"/> to <paramref name="RelatedCaseId"/>.</summary>
public sealed record CaseRelation(Guid CaseId, Guid RelatedCaseId, CaseRelationKind Kind, string? CollaborationId, long EventSequence);
