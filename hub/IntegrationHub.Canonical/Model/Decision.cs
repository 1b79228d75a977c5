namespace IntegrationHub.Canonical.Model;

/// <summary>A decision (beslut).</summary>
public sealed record Decision
{
    /// <summary>The outcome.</summary>
    public required DecisionOutcome Outcome { get; init; }
    /// <summary>When it was decided.</summary>
    public required DateTimeOffset DecidedAt { get; init; }
    /// <summary>The deciding body.</summary>
    public OrganisationRef? DecidedBy { get; init; }
    /// <summary>Protokollsparagraf, e.g. "§ 42".</summary>
    public string? Paragraph { get; init; }
    /// <summary>Short summary.</summary>
    public string? Summary { get; init; }
    /// <summary>Whether the decision can be appealed (överklagas).</summary>
    public bool? Appealable { get; init; }
}
