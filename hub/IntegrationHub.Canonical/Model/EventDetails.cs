namespace IntegrationHub.Canonical.Model;

/// <summary>What happened, in words a citizen understands.</summary>
public sealed record EventDetails
{
    /// <summary>Short plain-language text for list views.</summary>
    public required string Headline { get; init; }
    /// <summary>Longer description.</summary>
    public string? Description { get; init; }
    /// <summary>When it happened in the source system.</summary>
    public required DateTimeOffset OccurredAt { get; init; }
    /// <summary>Whether this is a diariehändelse (a legally required registration).</summary>
    public required bool IsDiaryEvent { get; init; }
    /// <summary>Mina ärenden category, when citizen-facing.</summary>
    public CustomerEventCategory? Category { get; init; }
    /// <summary>Web link into the e-service that holds details.</summary>
    public Uri? Link { get; init; }

    /// <summary>Without the texts, which may describe the case.</summary>
    public override string ToString() => $"EventDetails {{ OccurredAt = {OccurredAt:O}, IsDiaryEvent = {IsDiaryEvent}, Category = {Category} }}";
}
