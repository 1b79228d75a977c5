using System.Globalization;
using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Bench.Intake;

/// <summary>
/// Realistic canonical Sambruk case events for a pool of cases that move through their life:
/// opened, handled, completion requested and received, decided, closed. Events are handed out
/// round-robin over the pool, so consecutive events belong to different cases; when every case
/// of the pool is closed, a new pool of cases starts. Ids are unique within one factory.
/// People are fictional: Skatteverket's test numbers 191212121212 (personnummer) and
/// 191212721235 (samordningsnummer), the example organisation number, and opaque party ids.
/// </summary>
internal sealed class EventFactory
{
    private const string Municipality = "2281";
    private const int Stages = 6;

    private static readonly Uri DataSchema = new("https://integrationhub.se/schemas/sambruk-case-event/v1/case-event.schema.json");

    private static readonly CaseTemplate[] PlainTemplates =
    [
        new("bygglov", "open-eplatform", "https://eservice.sundsvall.example/oep", "BYGG",
            new OrganisationRef("SBN", "Stadsbyggnadsnämnden"), new OrganisationRef("bygglov", "Bygglovsenheten"),
            "Ansökan om bygglov för nybyggnad av enbostadshus, Exempelby {0}:14", "bygglov", "din ansökan om bygglov", DataClassification.Confidential),
        new("forskoleplats", "edp-future", "urn:integrationhub:edp-future:2281", "BUN",
            new OrganisationRef("BUN", "Barn- och utbildningsnämnden"), new OrganisationRef("forskola-antagning", "Förskoleantagningen"),
            "Ansökan om förskoleplats, Exempelgatan {0}", "förskoleplats", "din ansökan om förskoleplats", DataClassification.Confidential),
        new("synpunkt", "mailbox-registrator", "urn:integrationhub:mailbox-registrator:2281", "SYN",
            new OrganisationRef("KS", "Kommunstyrelsen"), new OrganisationRef("kontaktcenter", "Kontaktcenter"),
            "Synpunkt på snöröjning av gång- och cykelväg {0}", "synpunkt", "din synpunkt", DataClassification.Internal),
        new("va-anslutning", "edp-future", "urn:integrationhub:edp-future:2281", "VA",
            new OrganisationRef("msva", "MittSverige Vatten & Avfall"), new OrganisationRef("va-kundservice", "Kundservice VA"),
            "Ansökan om anslutning till kommunalt vatten och avlopp, Exempelby {0}:3", "VA-anslutning", "din ansökan om VA-anslutning", DataClassification.Internal),
    ];

    /// <summary>Registered in the hub's KS diary when the hub runs with the bench's diary settings.</summary>
    private static readonly CaseTemplate[] DiaryTemplates =
    [
        new("medborgarforslag", "open-eplatform", "https://eservice.sundsvall.example/oep", "MF",
            new OrganisationRef("KS", "Kommunstyrelsen"), new OrganisationRef("ks-kansli", "Kommunstyrelsekontoret, kansliet"),
            "Medborgarförslag om fler parkbänkar i stadsdel {0}", "medborgarförslag", "ditt medborgarförslag", DataClassification.Internal),
    ];

    private static readonly Person[] People =
    [
        new("Tolvan Tolvansson", "tolvan.tolvansson@example.com", new PartyIdentity(IdentityType.Personnummer, "191212121212")),
        new("Hans Provmann", "hans.provmann@example.com", new PartyIdentity(IdentityType.Samordningsnummer, "191212721235")),
        new("Anna Provsdotter", "anna.provsdotter@example.com", null),
        new("Exempel Arkitekter AB", "info@exempelarkitekter.example", new PartyIdentity(IdentityType.Organisationsnummer, "5566778899")),
        new("Elsa Exempelsson", "elsa.exempelsson@example.com", null),
        new("Nils Testberg", "nils.testberg@example.com", null),
    ];

    private readonly CaseTemplate[] _templates;
    private readonly int _poolSize;
    private readonly bool _allDiaryEvents;
    private readonly string _tag;
    private static readonly TimeZoneInfo Stockholm = FindStockholm();

    private readonly DateTimeOffset _origin;
    private long _next;

    /// <param name="tag">Short text that keeps source case ids apart between factories (e.g. "p" and "d").</param>
    /// <param name="poolSize">How many cases are open at a time.</param>
    /// <param name="diary">Medborgarförslag with every event a diary event (the hub diarises them) instead of the plain mix.</param>
    public EventFactory(string tag, int poolSize, bool diary)
    {
        _tag = tag;
        _poolSize = poolSize;
        _allDiaryEvents = diary;
        _templates = diary ? DiaryTemplates : PlainTemplates;
        // Working hours of the last few weeks: the cases are recent, never in the future.
        _origin = new DateTimeOffset(TimeProvider.System.GetUtcNow().AddDays(-30).UtcDateTime.Date.AddHours(7), TimeSpan.Zero);
    }

    /// <summary>The next <paramref name="count"/> events.</summary>
    public IReadOnlyList<CaseEvent> Next(int count)
    {
        var events = new CaseEvent[count];
        for (var i = 0; i < count; i++)
        {
            events[i] = Create(_next++);
        }

        return events;
    }

    /// <summary>Every stage of the first <paramref name="casesPerStage"/> cases, without moving the factory on.</summary>
    public IReadOnlyList<CaseEvent> Probe(int casesPerStage) =>
        [.. Enumerable.Range(0, Stages).SelectMany(stage => Enumerable.Range(0, Math.Min(casesPerStage, _poolSize)).Select(slot => Create(((long)stage * _poolSize) + slot)))];

    private CaseEvent Create(long n)
    {
        var round = n / _poolSize;
        var slot = (int)(n % _poolSize);
        var generation = round / Stages;
        var stage = (int)(round % Stages);
        var caseNumber = 100_000 + (generation * _poolSize) + slot;
        var template = _templates[slot % _templates.Length];
        var person = People[slot % People.Length];
        var sourceCaseId = string.Create(CultureInfo.InvariantCulture, $"{_tag}{caseNumber}");
        var occurredAt = SwedishTime(_origin.AddMinutes((generation * 97) + slot).AddHours(stage * 26));
        var title = string.Format(CultureInfo.InvariantCulture, template.TitleFormat, (slot % 40) + 1);
        var (type, headline, description, isDiary, category, status, sourceStatus) = stage switch
        {
            0 => (CaseEventTypes.Opened, $"Vi har tagit emot {template.Receipt}",
                "Ditt ärende har kommit in och fått ett ärendenummer. En handläggare går igenom det inom två veckor och hör av sig om något saknas.",
                true, CustomerEventCategory.Receipt, CaseStatus.Open, "Inkommen"),
            1 => (CaseEventTypes.StatusChanged, $"Ditt ärende om {template.Noun} handläggs nu",
                "En handläggare har börjat utreda ärendet. Du får besked när utredningen är klar.",
                false, CustomerEventCategory.Information, CaseStatus.Open, "Under handläggning"),
            2 => (CaseEventTypes.DocumentRegistered, "Vi behöver fler uppgifter från dig",
                "Handläggaren har skickat en begäran om komplettering. Svara senast inom tre veckor.",
                true, CustomerEventCategory.SupplementRequest, CaseStatus.Open, "Komplettering begärd"),
            3 => (CaseEventTypes.DocumentRegistered, "Vi har tagit emot din komplettering",
                "Kompletteringen har registrerats på ärendet och handläggningen fortsätter.",
                true, CustomerEventCategory.Receipt, CaseStatus.Open, "Komplettering inkommen"),
            4 => (CaseEventTypes.Decided, $"Beslut i ditt ärende om {template.Noun}",
                "Beslutet är bifall. Det kan överklagas inom tre veckor från den dag du fick del av det.",
                true, CustomerEventCategory.Decision, CaseStatus.Open, "Beslutat"),
            _ => (CaseEventTypes.Closed, $"Ditt ärende om {template.Noun} är avslutat",
                "Ärendet är avslutat. Kontakta kommunen om du har frågor.",
                false, CustomerEventCategory.Information, CaseStatus.Closed, "Avslutat"),
        };

        var party = new Party
        {
            Role = person.Identity?.Type == IdentityType.Organisationsnummer ? PartyRole.Representative : PartyRole.Applicant,
            Identity = person.Identity ?? new PartyIdentity(IdentityType.PartyId, $"{template.SourceSystem}-kund:{caseNumber}"),
            Name = person.Name,
            Email = person.Email,
        };

        return new CaseEvent
        {
            Id = $"{template.SourceSystem}-{sourceCaseId}-{stage}",
            Source = template.Source,
            Type = type,
            Time = occurredAt.AddSeconds(3),
            Subject = $"{template.SourceSystem}/{sourceCaseId}",
            Municipality = Municipality,
            DataClassification = template.Classification,
            DataSchema = DataSchema,
            Data = new CaseEventData
            {
                Case = new CaseRef
                {
                    SourceSystem = template.SourceSystem,
                    SourceCaseId = sourceCaseId,
                    CaseNumber = string.Create(CultureInfo.InvariantCulture, $"{template.CaseNumberPrefix}-{occurredAt.Year}-{caseNumber}"),
                    Title = title,
                    CaseType = template.CaseType,
                    Authority = template.Authority,
                    Unit = template.Unit,
                    Status = status,
                    SourceStatus = sourceStatus,
                },
                Event = new EventDetails
                {
                    Headline = headline,
                    Description = description,
                    OccurredAt = occurredAt,
                    IsDiaryEvent = _allDiaryEvents || isDiary,
                    Category = category,
                },
                Document = DocumentFor(stage, template, title, person, occurredAt, caseNumber),
                Decision = stage == 4
                    ? new Decision
                    {
                        Outcome = DecisionOutcome.Approved,
                        DecidedAt = occurredAt,
                        DecidedBy = template.Authority,
                        Paragraph = string.Create(CultureInfo.InvariantCulture, $"§ {(slot % 90) + 1}"),
                        Summary = "Bifall.",
                        Appealable = true,
                    }
                    : null,
                Parties = [party],
            },
        };
    }

    private static Document? DocumentFor(int stage, CaseTemplate template, string title, Person person, DateTimeOffset date, long caseNumber)
    {
        var sender = new Correspondent { Name = person.Name, Email = person.Email, Identity = person.Identity };
        var office = new Correspondent { Organisation = $"Sundsvalls kommun, {template.Unit.Name}" };
        return stage switch
        {
            0 => new Document
            {
                DocumentId = string.Create(CultureInfo.InvariantCulture, $"{template.SourceSystem}-{caseNumber}-ansokan"),
                Direction = DocumentDirection.Incoming,
                Title = title,
                DocumentType = "Ansökan",
                Date = date,
                Sender = sender,
                RunningNumber = 1,
                Attachments =
                [
                    new Attachment("ansokan.pdf", "application/pdf", 184_320,
                        "4c54f314229a121f9610d66247e7b1f0586bc08832314ce1e4416fac9955e1d0",
                        string.Create(CultureInfo.InvariantCulture, $"https://eservice.sundsvall.example/oep/api/instanceapi/getinstance/{caseNumber}/pdf")),
                ],
            },
            2 => new Document
            {
                Direction = DocumentDirection.Sent,
                Title = "Begäran om komplettering",
                DocumentType = "Kompletteringsbegäran",
                Date = date,
                Sender = office,
                Recipients = [sender],
                RunningNumber = 2,
            },
            3 => new Document
            {
                Direction = DocumentDirection.Incoming,
                Title = "Komplettering",
                DocumentType = "Komplettering",
                Date = date,
                Sender = sender,
                RunningNumber = 3,
            },
            4 => new Document
            {
                Direction = DocumentDirection.Sent,
                Title = "Beslut",
                DocumentType = "Beslut",
                Date = date,
                Sender = office,
                Recipients = [sender],
                RunningNumber = 4,
            },
            _ => null,
        };
    }

    /// <summary>The instant as Swedish local time (+01:00 or +02:00), as Swedish source systems write it.</summary>
    private static DateTimeOffset SwedishTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Stockholm);

    private static TimeZoneInfo FindStockholm()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("CET", TimeSpan.FromHours(1), "CET", "CET");
        }
    }

    private sealed record CaseTemplate(
        string CaseType, string SourceSystem, string Source, string CaseNumberPrefix,
        OrganisationRef Authority, OrganisationRef Unit, string TitleFormat, string Noun, string Receipt, DataClassification Classification);

    private sealed record Person(string Name, string Email, PartyIdentity? Identity);
}
