using IntegrationHub.Canonical.Model;
using IntegrationHub.Canonical.Serialization;

namespace IntegrationHub.Hub.Tests.Infrastructure;

/// <summary>Realistic canonical events with fictional people (Skatteverket's test personnummer).</summary>
public static class TestEvents
{
    public const string Municipality = "2281";
    public const string Applicant = "191212121212";
    public const string Child = "201212121212";

    public static CaseEvent Opened(string sourceCaseId, string? id = null, DateTimeOffset? occurredAt = null) => new()
    {
        Id = id ?? Guid.NewGuid().ToString(),
        Source = "urn:integrationhub:edp-future:2281",
        Type = CaseEventTypes.Opened,
        Time = occurredAt ?? new DateTimeOffset(2026, 3, 2, 9, 15, 0, TimeSpan.FromHours(1)),
        Subject = $"edp-future/{sourceCaseId}",
        Municipality = Municipality,
        DataClassification = DataClassification.Confidential,
        DataSchema = CaseEventAttributes.SchemaV1,
        Data = new CaseEventData
        {
            Case = new CaseRef
            {
                SourceSystem = "edp-future",
                SourceCaseId = sourceCaseId,
                CaseNumber = $"VA-{sourceCaseId}",
                Title = "Ansökan om anslutning till kommunalt vatten och avlopp",
                CaseType = "va-anslutning",
                Unit = new OrganisationRef("va-enheten", "VA-enheten"),
            },
            Event = new EventDetails
            {
                Headline = "Din ansökan om VA-anslutning har kommit in",
                OccurredAt = occurredAt ?? new DateTimeOffset(2026, 3, 2, 9, 15, 0, TimeSpan.FromHours(1)),
                IsDiaryEvent = true,
                Category = CustomerEventCategory.Receipt,
            },
            Parties = [new Party { Role = PartyRole.Applicant, Identity = new PartyIdentity(IdentityType.Personnummer, Applicant), Name = "Tolvan Tolvansson" }],
        },
    };

    public static CaseEvent StatusChanged(string sourceCaseId, DateTimeOffset occurredAt, string headline = "Din ansökan handläggs nu") => new()
    {
        Id = Guid.NewGuid().ToString(),
        Source = "urn:integrationhub:edp-future:2281",
        Type = CaseEventTypes.StatusChanged,
        Time = occurredAt,
        Municipality = Municipality,
        DataClassification = DataClassification.Internal,
        Data = new CaseEventData
        {
            Case = new CaseRef { SourceSystem = "edp-future", SourceCaseId = sourceCaseId, SourceStatus = "Under behandling" },
            Event = new EventDetails { Headline = headline, OccurredAt = occurredAt, IsDiaryEvent = false, Category = CustomerEventCategory.Information },
        },
    };

    public static CaseEvent ConcerningChild(string sourceCaseId, DateTimeOffset occurredAt) => Opened(sourceCaseId, occurredAt: occurredAt) with
    {
        Source = "urn:integrationhub:open-eplatform:2281",
        Data = Opened(sourceCaseId, occurredAt: occurredAt).Data with
        {
            Case = new CaseRef { SourceSystem = "open-eplatform", SourceCaseId = sourceCaseId, Title = "Ansökan om förskoleplats", CaseType = "forskoleplats" },
            Parties = [new Party { Role = PartyRole.Guardian, Identity = new PartyIdentity(IdentityType.Personnummer, Applicant) }],
            Concerns = new Concerns { Identity = new PartyIdentity(IdentityType.Personnummer, Child) },
        },
    };

    public static byte[] Json(CaseEvent e) => CaseEventFormatter.EncodeStructured(e);

    public static byte[] Batch(params CaseEvent[] events) => CaseEventFormatter.EncodeBatch(events);
}
