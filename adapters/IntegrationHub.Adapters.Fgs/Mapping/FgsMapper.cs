using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Adapters.Fgs.Model;
using IntegrationHub.Adapters.Fgs.Reading;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Canonical.Serialization;

namespace IntegrationHub.Adapters.Fgs.Mapping;

/// <summary>
/// Maps an FGS delivery to canonical case events. Per case: <c>opened</c>, then one <c>document-registered</c> per
/// ArkivobjektHandling and one <c>decided</c> per Beslutat in time order, then <c>closed</c> when the case is Avslutat or
/// Stängt. Ids and times come from the delivery only, so mapping the same delivery again gives the same events.
/// Attachments are checked (exists, Storlek, SHA-256) before any is stored; a problem is an <see cref="FgsFormatException"/>.
/// </summary>
public sealed class FgsMapper
{
    private readonly FgsOptions _options;
    private readonly TimeZoneInfo _zone;
    private readonly Dictionary<string, string> _caseTypes;
    private readonly string _source;

    /// <summary>Creates the mapper for one drop folder's settings.</summary>
    public FgsMapper(FgsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _zone = options.FindTimeZone();
        _caseTypes = new Dictionary<string, string>(options.CaseTypes, StringComparer.OrdinalIgnoreCase);
        _source = $"urn:integrationhub:{options.SourceSystem}:{options.Municipality}";
    }

    /// <summary>Maps the delivery whose XML lies in <paramref name="deliveryFolder"/>, storing its attachments in <paramref name="contents"/>.</summary>
    /// <exception cref="FgsFormatException">An attachment is missing or damaged, or a case cannot be placed in time.</exception>
    public async Task<FgsImport> MapAsync(FgsDelivery delivery, string deliveryFolder, IContentStore contents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(contents);
        if (delivery.Documents.Count > 0)
        {
            var at = delivery.Documents[0].Location;
            throw new FgsFormatException(delivery.FileName, at.Line, at.Position, at.Path, FgsErrorCodes.NoCase,
                "documents without their case (ArkivobjektListaHandlingar directly under Leveransobjekt) cannot be imported: export the cases (ArkivobjektListaArenden)");
        }

        foreach (var fgsCase in delivery.Cases)
        {
            CheckCase(delivery.FileName, fgsCase);
        }

        var files = await AttachmentFiles.VerifyAsync(delivery, deliveryFolder, _options.MaxFileBytes, cancellationToken);
        var events = new List<CaseEvent>();
        foreach (var fgsCase in delivery.Cases)
        {
            events.AddRange(await MapCaseAsync(fgsCase, files, contents, cancellationToken));
        }

        return new FgsImport(events, [.. files.Values.Select(f => f.Path).Distinct(StringComparer.Ordinal)]);
    }

    private async Task<IReadOnlyList<CaseEvent>> MapCaseAsync(FgsCase fgsCase, IReadOnlyDictionary<FgsAttachment, VerifiedFile> files,
        IContentStore contents, CancellationToken cancellationToken)
    {
        var (authority, unit) = PartyMapper.Organisation(fgsCase);
        var caseRef = new CaseRef
        {
            SourceSystem = _options.SourceSystem,
            SourceCaseId = fgsCase.Id,
            CaseNumber = fgsCase.Id.Length <= 100 ? fgsCase.Id : null,
            Diarienummer = DiarienummerParser.Parse(fgsCase.Id),
            Title = Text.Clip(fgsCase.Title, 500),
            CaseType = CaseType(fgsCase.CaseType),
            Authority = authority,
            Unit = unit,
            Status = fgsCase.Status,
        };
        var parties = PartyMapper.Parties(fgsCase);
        var caseClassification = Classifier.Classify(_options.DefaultClassification, fgsCase.Restrictions, parties, []);
        var caseRestriction = Classifier.Restriction(fgsCase.Restrictions);
        var opened = CaseDates.OpenedAt(fgsCase, _zone)!.Value;

        var middle = new List<CaseEvent>();
        foreach (var document in fgsCase.Documents)
        {
            middle.Add(await DocumentEventAsync(fgsCase, caseRef, caseClassification, opened, document, files, contents, cancellationToken));
        }

        for (var i = 0; i < fgsCase.Decided.Count; i++)
        {
            var decidedAt = fgsCase.Decided[i].ToDateTimeOffset(_zone);
            middle.Add(Event(EventIds.Decided(_options.SourceSystem, fgsCase.Id, i + 1), CaseEventTypes.Decided, caseClassification, new CaseEventData
            {
                Case = caseRef,
                Event = Details("Beslut har fattats i ärendet", decidedAt, isDiaryEvent: true, CustomerEventCategory.Decision),
                Decision = new Decision { Outcome = DecisionOutcome.Other, DecidedAt = decidedAt, DecidedBy = authority },
                Restriction = caseRestriction,
            }));
        }

        var events = new List<CaseEvent>
        {
            Event(EventIds.Opened(_options.SourceSystem, fgsCase.Id), CaseEventTypes.Opened, caseClassification, new CaseEventData
            {
                Case = caseRef,
                Event = Details("Ärendet har registrerats", opened, isDiaryEvent: false, description: Description(fgsCase)),
                Parties = parties.Count > 0 ? parties : null,
                Restriction = caseRestriction,
            }),
        };
        events.AddRange(middle.OrderBy(e => e.Data.Event.OccurredAt));
        if (fgsCase.Closed is not null || fgsCase.Status == CaseStatus.Closed)
        {
            var closedAt = fgsCase.Closed?.ToDateTimeOffset(_zone) ?? events.Max(e => e.Data.Event.OccurredAt);
            events.Add(Event(EventIds.Closed(_options.SourceSystem, fgsCase.Id), CaseEventTypes.Closed, caseClassification, new CaseEventData
            {
                Case = caseRef,
                Event = Details("Ärendet är avslutat", closedAt, isDiaryEvent: false),
                Restriction = caseRestriction,
            }));
        }

        return events;
    }

    private async Task<CaseEvent> DocumentEventAsync(FgsCase fgsCase, CaseRef caseRef, DataClassification caseClassification, DateTimeOffset opened,
        FgsDocument document, IReadOnlyDictionary<FgsAttachment, VerifiedFile> files, IContentStore contents, CancellationToken cancellationToken)
    {
        var direction = DocumentDirections.Of(document);
        var date = DocumentDirections.DateOf(document, direction)?.ToDateTimeOffset(_zone) ?? opened;
        var attachments = new List<Attachment>();
        foreach (var bilaga in document.Attachments.Take(100))
        {
            var file = files[bilaga];
            var bytes = await File.ReadAllBytesAsync(file.Path, cancellationToken);
            var mediaType = MediaTypes.Of(bilaga.MediaType, bilaga.Name);
            var stored = await contents.PutAsync(bytes, mediaType, cancellationToken);
            attachments.Add(new Attachment(Text.Clip(bilaga.Name, 255), mediaType, stored.Size, stored.Sha256, stored.Reference));
        }

        var sender = document.Sender is { } s ? PartyMapper.Correspondent(s) : null;
        var recipients = document.Recipients.Take(100).Select(PartyMapper.Correspondent).ToList();
        var correspondents = recipients.Concat(sender is null ? [] : [sender]);
        var classification = Classifier.Classify(caseClassification, document.Restrictions, [], correspondents);
        var registered = document.Status is not (FgsDocumentStatus.Initiated or FgsDocumentStatus.InProgress);
        return Event(EventIds.Document(_options.SourceSystem, fgsCase.Id, document.Id), CaseEventTypes.DocumentRegistered, classification, new CaseEventData
        {
            Case = caseRef,
            Event = Details(DocumentDirections.Headline(direction), date, isDiaryEvent: registered),
            Document = new Document
            {
                DocumentId = document.Id.Length <= 200 ? document.Id : null,
                Direction = direction,
                Title = Text.Clip((document.Title ?? document.Description)!, 500),
                DocumentType = Text.ClipOrNull(document.DocumentType, 100),
                Date = date,
                Sender = sender,
                Recipients = recipients.Count > 0 ? recipients : null,
                RunningNumber = document.RunningNumber is >= 1 ? document.RunningNumber : null,
                Attachments = attachments.Count > 0 ? attachments : null,
            },
            Restriction = Classifier.Restriction(document.Restrictions) ?? Classifier.Restriction(fgsCase.Restrictions),
        });
    }

    private CaseEvent Event(string id, string type, DataClassification classification, CaseEventData data) => new()
    {
        Id = id,
        Source = _source,
        Type = type,
        // The delivery says when things happened, not when it was exported: using that keeps a re-import identical.
        Time = data.Event.OccurredAt,
        Subject = $"{_options.SourceSystem}/{data.Case.SourceCaseId}",
        Municipality = _options.Municipality!,
        DataClassification = classification,
        DataSchema = CaseEventAttributes.SchemaV1,
        Data = data,
    };

    private static EventDetails Details(string headline, DateTimeOffset at, bool isDiaryEvent, CustomerEventCategory? category = null, string? description = null) => new()
    {
        Headline = headline,
        Description = description,
        OccurredAt = at,
        IsDiaryEvent = isDiaryEvent,
        Category = category,
    };

    private string? CaseType(string? arendeTyp) =>
        arendeTyp is not null && _caseTypes.TryGetValue(arendeTyp, out var mapped) ? mapped : _options.DefaultCaseType;

    private static string? Description(FgsCase fgsCase)
    {
        var relations = fgsCase.Relations.Select(r => r.Type is null ? $"Relaterat ärende: {r.Target}." : $"{r.Type}: {r.Target}.");
        return Text.ClipOrNull(string.Join(" ", new[] { fgsCase.Description }.Concat(relations).Where(t => t is not null)), 4000);
    }

    private void CheckCase(string fileName, FgsCase fgsCase)
    {
        var at = fgsCase.Location;
        if (fgsCase.Id.Length > 200)
        {
            throw new FgsFormatException(fileName, at.Line, at.Position, at.Path + "/ArkivobjektID", FgsErrorCodes.Format,
                "ArkivobjektID is longer than the 200 characters the hub keeps as a case id");
        }

        if (CaseDates.OpenedAt(fgsCase, _zone) is null)
        {
            throw new FgsFormatException(fileName, at.Line, at.Position, at.Path, FgsErrorCodes.NoDate,
                "the case has no date at all (Skapad, Inkommen, Upprattad, or a date on a document): the hub cannot place it in time");
        }
    }
}
