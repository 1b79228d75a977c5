namespace IntegrationHub.Adapters.EServices.OpenEPlatform.Mapping;

/// <summary>A submitted errand as the platform exports it (<c>FlowInstance</c>: Header and Values). Personal data.</summary>
internal sealed record FlowInstance(
    int Id,
    int FamilyId,
    string FlowName,
    string? StatusName,
    FlowInstanceUser? Poster,
    IReadOnlyList<FlowInstanceUser> Owners,
    DateTimeOffset Posted,
    DateTimeOffset FirstSubmitted,
    IReadOnlyList<FlowInstanceQuery> Queries)
{
    /// <summary>The ids only.</summary>
    public override string ToString() => $"FlowInstance {{ Id = {Id}, FamilyId = {FamilyId} }}";
}
