using System.Globalization;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Canonical.Serialization;

namespace IntegrationHub.Store.Tests.Support;

/// <summary>Builds case events for the store tests; every event gets a new id unless one is given.</summary>
internal sealed class CaseEventBuilder
{
    private static int s_counter;

    private string _id = string.Create(CultureInfo.InvariantCulture, $"evt-{Interlocked.Increment(ref s_counter):D5}-{Guid.NewGuid():N}");
    private string _source = "urn:se:sundsvall:edp-future";
    private string _type = CaseEventTypes.Opened;
    private string _headline = "Din ansökan om bygglov har kommit in";
    private string _municipality = TestData.Sundsvall;
    private DataClassification _classification = DataClassification.Confidential;
    private DateTimeOffset _occurredAt = TestData.March2;
    private CaseRef _case = TestData.Bygglov();
    private readonly List<Party> _parties = [];
    private Concerns? _concerns;
    private Document? _document;
    private Decision? _decision;
    private Collaboration? _collaboration;

    public CaseEventBuilder WithId(string id) { _id = id; return this; }

    public CaseEventBuilder FromSource(string source) { _source = source; return this; }

    public CaseEventBuilder OfType(string type, string headline) { _type = type; _headline = headline; return this; }

    public CaseEventBuilder InMunicipality(string municipality) { _municipality = municipality; return this; }

    public CaseEventBuilder Classified(DataClassification classification) { _classification = classification; return this; }

    public CaseEventBuilder OccurredAt(DateTimeOffset occurredAt) { _occurredAt = occurredAt; return this; }

    public CaseEventBuilder ForCase(CaseRef caseRef) { _case = caseRef; return this; }

    public CaseEventBuilder WithParty(PartyRole role, TestPerson person)
    {
        _parties.Add(new Party { Role = role, Identity = person.Identity, Name = person.Name, Email = person.Email });
        return this;
    }

    public CaseEventBuilder Concerning(TestPerson person)
    {
        _concerns = new Concerns { Identity = person.Identity, Name = person.Name };
        return this;
    }

    /// <summary>Makes the event part of a remiss (or another collaboration) with the given id.</summary>
    public CaseEventBuilder InCollaboration(string collaborationId, CollaborationKind kind = CollaborationKind.Remiss)
    {
        _collaboration = new Collaboration
        {
            Kind = kind,
            CollaborationId = collaborationId,
            From = TestData.ByggOchMiljonamnden,
            To = new OrganisationRef("mhn", "Miljö- och hälsoskyddsnämnden"),
        };
        return this;
    }

    /// <summary>Adds a registered document with an attachment and a decision: every optional part filled.</summary>
    public CaseEventBuilder WithDocumentAndDecision()
    {
        _document = new Document
        {
            Direction = DocumentDirection.DrawnUp,
            Title = "Beslut om bygglov – Tallbacken 3",
            DocumentType = "beslut",
            Date = _occurredAt,
            Recipients = [new Correspondent { Name = "Anna Lindqvist", Email = "anna.lindqvist@example.se" }],
            RunningNumber = 7,
            Attachments = [new Attachment("situationsplan.pdf", "application/pdf", 482_113, new string('a', 64), "blob://attachments/aaaa")],
        };
        _decision = new Decision
        {
            Outcome = DecisionOutcome.Approved,
            DecidedAt = _occurredAt,
            DecidedBy = TestData.ByggOchMiljonamnden,
            Paragraph = "§ 42",
            Summary = "Bygglov beviljas med villkor om färgsättning.",
            Appealable = true,
        };
        return this;
    }

    public CaseEvent Build() => new()
    {
        Id = _id,
        Source = _source,
        Type = _type,
        // The source system emits a little after the fact.
        Time = _occurredAt.AddMinutes(2),
        Subject = _case.SourceCaseId,
        Municipality = _municipality,
        DataClassification = _classification,
        DataSchema = CaseEventAttributes.SchemaV1,
        Data = new CaseEventData
        {
            Case = _case,
            Event = new EventDetails
            {
                Headline = _headline,
                Description = "Läs mer om ditt ärende på Mina sidor.",
                OccurredAt = _occurredAt,
                IsDiaryEvent = _type is CaseEventTypes.Opened or CaseEventTypes.Decided,
                Category = CustomerEventCategory.Information,
                Link = new Uri("https://e-tjanster.sundsvall.se/mina-arenden/BL-2026-0042"),
            },
            Parties = _parties.Count == 0 ? null : [.. _parties],
            Concerns = _concerns,
            Document = _document,
            Decision = _decision,
            Collaboration = _collaboration,
        },
    };
}
