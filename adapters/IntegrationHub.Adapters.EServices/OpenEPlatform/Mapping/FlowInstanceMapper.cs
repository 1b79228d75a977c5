using System.Globalization;
using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Adapters.EServices.OpenEPlatform.Mapping;

/// <summary>
/// One submitted flow instance → one <c>opened</c> event that also registers the submission as an incoming document
/// (the PDF, the XML export and the uploaded files). Id <c>oep-{FlowInstanceID}-submitted</c>, time the first
/// submission: a re-read gives the same event. A personnummer makes the event at least confidential; a family with a
/// legal reference makes it restricted with a Sekretess marking.
/// </summary>
internal sealed class FlowInstanceMapper(OpenEPlatformOptions options)
{
    private readonly string _municipality = options.Municipality!;

    public CaseEvent Map(FlowInstance instance, OpenEPlatformFamilyOptions family, IReadOnlyList<Attachment> attachments)
    {
        var id = instance.Id.ToString(CultureInfo.InvariantCulture);
        var referenceDate = SwedishTime.DateOf(instance.FirstSubmitted);
        var fields = family.Fields.Where(f => FieldTargets.IsValid(f.Value)).ToList();
        string? Mapped(string target) => TextLimits.Cut(string.Join(", ", fields
            .Where(f => string.Equals(f.Value, target, StringComparison.OrdinalIgnoreCase))
            .Select(f => QuestionLookup.Value(instance, f.Key)).OfType<string>()), 500);

        var parties = Parties(instance, fields, referenceDate);
        var applicant = parties.FirstOrDefault(p => p.Role == PartyRole.Applicant);
        var title = Mapped(FieldTargets.CaseTitle) ?? TitleTemplate.Fill(family.Title, instance) ?? TextLimits.Cut(instance.FlowName, 500)!;
        var occurredAt = SwedishTime.Local(instance.FirstSubmitted);
        var classification = Classification(family, parties);

        return new CaseEvent
        {
            Id = $"oep-{id}-submitted",
            Source = OpenEPlatformKeys.Source(_municipality),
            Type = CaseEventTypes.Opened,
            Time = occurredAt,
            Subject = $"{OpenEPlatformKeys.SourceSystem}/{id}",
            Municipality = _municipality,
            DataClassification = classification,
            Data = new CaseEventData
            {
                Case = new CaseRef
                {
                    SourceSystem = OpenEPlatformKeys.SourceSystem,
                    SourceCaseId = id,
                    Title = title,
                    CaseType = family.CaseType,
                    Authority = family.Authority is { } authority ? new OrganisationRef(authority, TextLimits.Cut(family.AuthorityName, 200)) : null,
                    Unit = Unit(Mapped(FieldTargets.Unit), family),
                    Status = CaseStatus.Open,
                    SourceStatus = TextLimits.Cut(instance.StatusName, 100),
                },
                Event = new EventDetails
                {
                    Headline = TextLimits.Cut(family.Headline, 120) ?? "Vi har tagit emot ditt ärende",
                    Description = Description(instance, fields),
                    OccurredAt = occurredAt,
                    IsDiaryEvent = true,
                    Category = CustomerEventCategory.Receipt,
                    Link = Link(id),
                },
                Document = new Document
                {
                    DocumentId = $"oep-{id}-submission",
                    Direction = DocumentDirection.Incoming,
                    Title = Mapped(FieldTargets.DocumentTitle) ?? title,
                    DocumentType = TextLimits.Cut(family.DocumentType, 100),
                    Date = occurredAt,
                    Sender = PartyBuilder.Sender(applicant),
                    Attachments = attachments.Count > 0 ? attachments : null,
                },
                Parties = parties.Count > 0 ? parties : null,
                Restriction = family.LegalReference is { Length: > 0 } legal
                    ? new Restriction
                    {
                        Type = RestrictionType.Sekretess,
                        LegalReference = TextLimits.Cut(legal, 100),
                        MarkedAt = occurredAt,
                        MarkedBy = TextLimits.Cut($"Open ePlatform, e-tjänsten {instance.FlowName}", 200),
                    }
                    : null,
            },
        };
    }

    private static List<Party> Parties(FlowInstance instance, List<KeyValuePair<string, string>> fields, DateOnly referenceDate)
    {
        var parties = new List<Party>();
        // The poster is who logged in (BankID) and sent it; an owner stands in when the platform exports no poster.
        if ((instance.Poster ?? (instance.Owners.Count > 0 ? instance.Owners[0] : null)) is { } user && PartyBuilder.FromUser(user, PartyRole.Applicant, referenceDate) is { } applicant)
        {
            parties.Add(applicant);
        }

        foreach (var (question, target) in fields)
        {
            if (FieldTargets.Role(target) is not { } role || (role == PartyRole.Applicant && parties.Exists(p => p.Role == PartyRole.Applicant)))
            {
                continue;
            }

            if (QuestionLookup.Find(instance, question) is { } query && PartyBuilder.FromQuery(query, role, referenceDate) is { } party && parties.Count < 50)
            {
                parties.Add(party);
            }
        }

        return parties;
    }

    private DataClassification Classification(OpenEPlatformFamilyOptions family, List<Party> parties)
    {
        var configured = CanonicalNames.Classification(family.Classification, CanonicalNames.Classification(options.DefaultClassification, DataClassification.Internal));
        if (!string.IsNullOrEmpty(family.LegalReference))
        {
            return DataClassification.Restricted;
        }

        var identified = parties.Exists(p => p.Identity?.Type is IdentityType.Personnummer or IdentityType.Samordningsnummer);
        return identified && configured < DataClassification.Confidential ? DataClassification.Confidential : configured;
    }

    private static OrganisationRef? Unit(string? answered, OpenEPlatformFamilyOptions family)
    {
        if (TextLimits.Slug(answered) is { } slug)
        {
            return new OrganisationRef(slug, TextLimits.Cut(answered, 200));
        }

        return family.Unit is { } unit ? new OrganisationRef(unit, TextLimits.Cut(family.UnitName, 200)) : null;
    }

    private static string? Description(FlowInstance instance, List<KeyValuePair<string, string>> fields)
    {
        var lines = fields
            .Where(f => string.Equals(f.Value, FieldTargets.EventDescription, StringComparison.OrdinalIgnoreCase))
            .Select(f => (Query: QuestionLookup.Find(instance, f.Key), Value: QuestionLookup.Value(instance, f.Key)))
            .Where(x => x.Query is not null && !string.IsNullOrWhiteSpace(x.Value))
            .Select(x => x.Query!.Name is { } question ? $"{question.TrimEnd(':', '?', ' ')}: {x.Value}" : x.Value!);
        return TextLimits.CutLines(string.Join('\n', lines), 4000);
    }

    private Uri? Link(string id) =>
        options.CitizenLink is { Length: > 0 } template && Uri.TryCreate(template.Replace("{id}", id, StringComparison.Ordinal), UriKind.Absolute, out var link) && link.Scheme.StartsWith("http", StringComparison.Ordinal)
            ? link
            : null;
}
