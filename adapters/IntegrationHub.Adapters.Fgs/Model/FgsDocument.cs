namespace IntegrationHub.Adapters.Fgs.Model;

/// <summary>FGS <c>ArkivobjektHandling</c>: a document (handling) of a case.</summary>
public sealed record FgsDocument
{
    /// <summary>Where the element is.</summary>
    public required FgsLocation Location { get; init; }
    /// <summary>ArkivobjektID: the document's designation.</summary>
    public required string Id { get; init; }
    /// <summary>@Systemidentifierare (a UUID set at export).</summary>
    public string? SystemId { get; init; }
    /// <summary>ExtraID.</summary>
    public IReadOnlyList<FgsExtraId> ExtraIds { get; init; } = [];
    /// <summary>Handlingstyp, e.g. Ansökan, Beslut, Skrivelse.</summary>
    public string? DocumentType { get; init; }
    /// <summary>Avsandare of an incoming document.</summary>
    public FgsPerson? Sender { get; init; }
    /// <summary>Beskrivning (required when there is no Rubrik).</summary>
    public string? Description { get; init; }
    /// <summary>Expedierad.</summary>
    public FgsDate? Sent { get; init; }
    /// <summary>Gallring.</summary>
    public FgsRetention? Retention { get; init; }
    /// <summary>Agent.</summary>
    public IReadOnlyList<FgsAgent> Agents { get; init; } = [];
    /// <summary>Inkommen.</summary>
    public FgsDate? Received { get; init; }
    /// <summary>Lopnummer: the document's running number within the case.</summary>
    public int? RunningNumber { get; init; }
    /// <summary>Mottagare of a sent document.</summary>
    public IReadOnlyList<FgsPerson> Recipients { get; init; } = [];
    /// <summary>Notering.</summary>
    public string? Note { get; init; }
    /// <summary>Rubrik.</summary>
    public string? Title { get; init; }
    /// <summary>Skapad.</summary>
    public FgsDate? Created { get; init; }
    /// <summary>StatusHandling.</summary>
    public FgsDocumentStatus? Status { get; init; }
    /// <summary>Upprattad.</summary>
    public FgsDate? DrawnUp { get; init; }
    /// <summary>Restriktion.</summary>
    public IReadOnlyList<FgsRestriction> Restrictions { get; init; } = [];
    /// <summary>Bilaga.</summary>
    public IReadOnlyList<FgsAttachment> Attachments { get; init; } = [];

    /// <summary>Ids only: titles may be personal data.</summary>
    public override string ToString() => $"FgsDocument {{ Id = {Id}, Status = {Status} }}";
}
