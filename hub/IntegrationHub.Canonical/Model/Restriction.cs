namespace IntegrationHub.Canonical.Model;

/// <summary>A restriction (FGS Restriktion, sekretessmarkering): a warning, not a final secrecy decision.</summary>
public sealed record Restriction
{
    /// <summary>Sekretess, Integritet or Annan typ.</summary>
    public required RestrictionType Type { get; init; }
    /// <summary>Lagrum, e.g. "OSL 26 kap. 1 §".</summary>
    public string? LegalReference { get; init; }
    /// <summary>Förklarande text.</summary>
    public string? Explanation { get; init; }
    /// <summary>When it was marked.</summary>
    public DateTimeOffset? MarkedAt { get; init; }
    /// <summary>Who marked it.</summary>
    public string? MarkedBy { get; init; }
}
