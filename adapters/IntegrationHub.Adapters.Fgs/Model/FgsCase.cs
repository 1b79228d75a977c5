using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Adapters.Fgs.Model;

/// <summary>FGS <c>ArkivobjektArende</c>: a case (ärende) with its documents.</summary>
public sealed record FgsCase
{
    /// <summary>Where the element is.</summary>
    public required FgsLocation Location { get; init; }
    /// <summary>ArkivobjektID: the diarienummer.</summary>
    public required string Id { get; init; }
    /// <summary>Arendemening: the case title.</summary>
    public required string Title { get; init; }
    /// <summary>@Systemidentifierare (a UUID set at export).</summary>
    public string? SystemId { get; init; }
    /// <summary>ExtraID.</summary>
    public IReadOnlyList<FgsExtraId> ExtraIds { get; init; } = [];
    /// <summary>ArendeTyp, as the exporting system names it.</summary>
    public string? CaseType { get; init; }
    /// <summary>Avslutat.</summary>
    public FgsDate? Closed { get; init; }
    /// <summary>Beskrivning.</summary>
    public string? Description { get; init; }
    /// <summary>Beslutat (FGS allows several).</summary>
    public IReadOnlyList<FgsDate> Decided { get; init; } = [];
    /// <summary>Gallring.</summary>
    public FgsRetention? Retention { get; init; }
    /// <summary>Agent.</summary>
    public IReadOnlyList<FgsAgent> Agents { get; init; } = [];
    /// <summary>Restriktion.</summary>
    public IReadOnlyList<FgsRestriction> Restrictions { get; init; } = [];
    /// <summary>Motpart: those the case mainly concerns.</summary>
    public IReadOnlyList<FgsPerson> Counterparts { get; init; } = [];
    /// <summary>Notering.</summary>
    public string? Note { get; init; }
    /// <summary>ArendeRelation.</summary>
    public IReadOnlyList<FgsCaseRelation> Relations { get; init; } = [];
    /// <summary>Skapad.</summary>
    public FgsDate? Created { get; init; }
    /// <summary>Inkommen.</summary>
    public FgsDate? Received { get; init; }
    /// <summary>StatusArande.</summary>
    public CaseStatus? Status { get; init; }
    /// <summary>Upprattad.</summary>
    public FgsDate? DrawnUp { get; init; }
    /// <summary>Expedierad.</summary>
    public FgsDate? Sent { get; init; }
    /// <summary>The documents (ArkivobjektListaHandlingar/ArkivobjektHandling), in file order.</summary>
    public IReadOnlyList<FgsDocument> Documents { get; init; } = [];

    /// <summary>Ids only: titles may be personal data.</summary>
    public override string ToString() => $"FgsCase {{ Id = {Id}, Status = {Status}, Documents = {Documents.Count} }}";
}
