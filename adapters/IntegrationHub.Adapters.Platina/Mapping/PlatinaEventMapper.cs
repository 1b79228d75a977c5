using IntegrationHub.Canonical.Model;
using IntegrationHub.Canonical.Serialization;

namespace IntegrationHub.Adapters.Platina.Mapping;

/// <summary>
/// Maps one Platina event to one canonical event (or none, for ignored event types and for documents the hub itself
/// sent to Platina, which the hub case already has). The result depends only on the event, so a re-read gives the same
/// event with the same id.
/// </summary>
internal sealed class PlatinaEventMapper(string municipality, PlatinaOptions options)
{
    private readonly PlatinaMappingOptions _mapping = options.Mapping;

    /// <summary>The canonical type of a Platina event, or null when the event is not mapped.</summary>
    public string? CanonicalType(PlatinaEvent platinaEvent)
    {
        if (!_mapping.EventTypes.TryGetValue(platinaEvent.Type, out var type) || string.IsNullOrWhiteSpace(type))
        {
            return null;
        }

        // Platina registering a document the hub sent: the hub case has it already.
        if (platinaEvent.Document?.ExternalId is not null && type == CaseEventTypes.DocumentRegistered)
        {
            return null;
        }

        // A type whose required part is missing falls back to a status change rather than breaking the schema.
        return type switch
        {
            CaseEventTypes.Decided when platinaEvent.Decision is null => CaseEventTypes.StatusChanged,
            CaseEventTypes.DocumentRegistered when platinaEvent.Document is null => CaseEventTypes.StatusChanged,
            _ => type,
        };
    }

    /// <summary>The canonical event; <paramref name="attachments"/> are the document's files, already in the hub's content store.</summary>
    public CaseEvent Map(PlatinaEvent platinaEvent, string type, IReadOnlyList<Attachment> attachments)
    {
        var restriction = platinaEvent.Case.RestrictionLegalReference is { } lagrum
            ? new Restriction { Type = RestrictionType.Sekretess, LegalReference = PlatinaKeys.Cut(lagrum, 100) }
            : null;
        var document = platinaEvent.Document is { } d ? Document(d, platinaEvent.OccurredAt, attachments) : null;
        var decision = type == CaseEventTypes.Decided && platinaEvent.Decision is { } decided ? Decision(decided, platinaEvent.OccurredAt) : null;
        return new CaseEvent
        {
            Id = PlatinaKeys.EventId(platinaEvent.Id),
            Source = PlatinaKeys.Source(municipality),
            Type = type,
            Time = platinaEvent.OccurredAt,
            Subject = PlatinaKeys.Subject(platinaEvent.Case.Id),
            Municipality = municipality,
            DataClassification = restriction is not null ? DataClassification.Restricted : Classification(platinaEvent.Case.Classification),
            DataSchema = CaseEventAttributes.SchemaV1,
            Data = new CaseEventData
            {
                Case = Case(platinaEvent, type),
                Event = Details(platinaEvent, type, document, decision),
                Document = document,
                Decision = decision,
                Restriction = restriction,
            },
        };
    }

    private CaseRef Case(PlatinaEvent platinaEvent, string type)
    {
        var platinaCase = platinaEvent.Case;
        var diarienummer = DiarienummerParser.Parse(platinaCase.Diarienummer);
        var title = PlatinaKeys.Cut(platinaCase.Title, 500);
        var unitId = PlatinaKeys.OrganisationId(platinaCase.UnitId ?? platinaCase.UnitName);
        return new CaseRef
        {
            // Cases the hub created carry the hub case id as their external id: that links the two.
            HubCaseId = Guid.TryParse(platinaCase.ExternalId, out var hubCaseId) ? hubCaseId : null,
            SourceSystem = PlatinaKeys.SourceSystem,
            SourceCaseId = PlatinaKeys.Cut(platinaCase.Id, 200)!,
            CaseNumber = diarienummer?.Value,
            Diarienummer = diarienummer,
            Title = title ?? (type == CaseEventTypes.Opened ? $"Ärende {diarienummer?.Value ?? platinaCase.Id}" : null),
            CaseType = CaseType(platinaCase.CaseType),
            Unit = unitId is null ? null : new OrganisationRef(unitId, PlatinaKeys.Cut(platinaCase.UnitName, 200)),
            Status = platinaCase.Status is { } s && _mapping.Statuses.TryGetValue(s, out var mapped) && CanonicalNames.TryParse<CaseStatus>(mapped, out var status) ? status : null,
            SourceStatus = PlatinaKeys.Cut(platinaCase.Status, 100),
        };
    }

    private string? CaseType(string? platinaType) =>
        platinaType is null ? null
        : _mapping.CaseTypes.TryGetValue(platinaType, out var hubType) && !string.IsNullOrWhiteSpace(hubType) ? hubType
        : PlatinaKeys.CaseTypeKey(platinaType);

    private static Document Document(PlatinaEventDocument document, DateTimeOffset occurredAt, IReadOnlyList<Attachment> attachments) => new()
    {
        DocumentId = PlatinaKeys.Cut(document.Id, 200),
        Direction = CanonicalNames.Direction(document.Direction) ?? DocumentDirection.DrawnUp,
        Title = PlatinaKeys.Cut(document.Title ?? document.DocumentType, 500) ?? "Handling",
        DocumentType = PlatinaKeys.Cut(document.DocumentType, 100),
        Date = document.Date ?? occurredAt,
        RunningNumber = document.Lopnummer,
        Attachments = attachments.Count > 0 ? attachments : null,
    };

    private Decision Decision(PlatinaEventDecision decision, DateTimeOffset occurredAt)
    {
        var bodyId = PlatinaKeys.OrganisationId(decision.BodyId ?? decision.BodyName);
        return new Decision
        {
            Outcome = Outcome(decision.Outcome),
            DecidedAt = decision.DecidedAt ?? occurredAt,
            DecidedBy = bodyId is null ? null : new OrganisationRef(bodyId, PlatinaKeys.Cut(decision.BodyName, 200)),
            Paragraph = PlatinaKeys.Cut(decision.Paragraph, 50),
            Summary = PlatinaKeys.Cut(decision.Summary, 2000),
        };
    }

    private DecisionOutcome Outcome(string text) =>
        _mapping.DecisionOutcomes.TryGetValue(text.Trim(), out var mapped) && CanonicalNames.TryParse<DecisionOutcome>(mapped, out var outcome) ? outcome
        : CanonicalNames.TryParse<DecisionOutcome>(text, out var direct) ? direct
        : DecisionOutcome.Other;

    private DataClassification Classification(string? value) =>
        CanonicalNames.TryParse<DataClassification>(value, out var classification) ? classification
        : CanonicalNames.TryParse<DataClassification>(options.DefaultClassification, out var fallback) ? fallback
        : DataClassification.Internal;

    private static EventDetails Details(PlatinaEvent platinaEvent, string type, Document? document, Decision? decision) => new()
    {
        Headline = PlatinaHeadlines.For(type, document, decision),
        Description = type == CaseEventTypes.StatusChanged && PlatinaKeys.Cut(platinaEvent.Case.Status, 100) is { } status ? $"Status i Platina: {status}" : null,
        OccurredAt = platinaEvent.OccurredAt,
        IsDiaryEvent = type is CaseEventTypes.Opened or CaseEventTypes.DocumentRegistered or CaseEventTypes.Decided,
        Category = type switch
        {
            CaseEventTypes.Opened => CustomerEventCategory.Receipt,
            CaseEventTypes.Decided => CustomerEventCategory.Decision,
            _ => null,
        },
    };
}
