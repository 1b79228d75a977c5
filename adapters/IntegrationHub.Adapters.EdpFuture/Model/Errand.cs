namespace IntegrationHub.Adapters.EdpFuture.Model;

/// <summary>
/// An errand (ärende) in Future, as GetErrandsForCustomer returns it. Times are Future's local times given their offset
/// in the instance's time zone.
/// </summary>
public sealed record Errand
{
    /// <summary>The errand's id (ärendenummer).</summary>
    public required int Id { get; init; }
    /// <summary>The web application (e-service submission) the errand came from, 0 when none.</summary>
    public int ApplicationId { get; init; }
    /// <summary>The building (anläggning) it concerns.</summary>
    public string? BuildingId { get; init; }
    /// <summary>The service (tjänst) it concerns.</summary>
    public int? ServiceId { get; init; }
    /// <summary>Errand type, e.g. Klagomål.</summary>
    public string? Type { get; init; }
    /// <summary>Future's status text, e.g. Registrerat, Till nämnd, Avslutat.</summary>
    public string? Status { get; init; }
    /// <summary>Free-text description.</summary>
    public string? Description { get; init; }
    /// <summary>What it regards (gäller).</summary>
    public string? Regarding { get; init; }
    /// <summary>When Future received it.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }
    /// <summary>The handling activities (åtgärder), as Future lists them.</summary>
    public IReadOnlyList<ErrandActivity> Activities { get; init; } = [];

    /// <summary>Ids only: the texts may hold personal data.</summary>
    public override string ToString() => $"Errand {{ Id = {Id}, Activities = {Activities.Count} }}";
}
