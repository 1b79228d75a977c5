using System.Text;
using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Adapters.Platina.Tests.Outbound;

/// <summary>A VA errand from EDP Future that goes to the committee, as the hub knows it (fictitious test data).</summary>
internal static class CommitteeCase
{
    public static readonly Guid CaseId = Guid.Parse("3f7d2c1e-9a4b-4c8d-b6e5-0a1b2c3d4e5f");

    public const string ApplicantName = "Sven Testberg";

    public const string Title = "Ansökan om VA-anslutning, Testbyn 1:23";

    public static async Task<CaseSnapshot> StoreAsync(Support.InMemoryHub hub)
    {
        var application = await AttachmentAsync(hub, "ansokan-va.pdf", "%PDF-1.4 ansökan om VA-anslutning");
        var map = await AttachmentAsync(hub, "karta.pdf", "%PDF-1.4 karta över servisledning");
        var snapshot = new CaseSnapshot(
            CaseId, "2281", [new SourceCaseRef("edp-future", "4711")], Title, "va-anslutning", null, "Öppet",
            new DateTimeOffset(2026, 2, 10, 8, 12, 0, TimeSpan.FromHours(1)), DataClassification.Confidential,
            [new Party { Role = PartyRole.Applicant, Name = ApplicantName, Identity = new PartyIdentity(IdentityType.Personnummer, "191212121212") },
             new Party { Role = PartyRole.PropertyOwner, Name = "Skyddad Person", ProtectedIdentity = true }],
            [
                new Document { DocumentId = "edp-errand-4711-activity-1", Direction = DocumentDirection.Incoming, Title = "Ansökan om VA-anslutning", DocumentType = "Ansökan",
                    Date = new DateTimeOffset(2026, 2, 10, 8, 12, 0, TimeSpan.FromHours(1)), Attachments = [application] },
                new Document { Direction = DocumentDirection.DrawnUp, Title = "Karta över servisledning", Date = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(1)), Attachments = [map] },
            ]);
        hub.Snapshots[CaseId] = snapshot;
        return snapshot;
    }

    public static SinkEvent Event(string sourceStatus = "Till nämnd", string type = CaseEventTypes.StatusChanged, Document? document = null, string sourceSystem = "edp-future", string id = "edp-future-4711-status-7") =>
        new(7, new CaseEvent
        {
            Id = id,
            Source = $"urn:integrationhub:{sourceSystem}:2281",
            Type = type,
            Time = new DateTimeOffset(2026, 4, 8, 14, 0, 0, TimeSpan.FromHours(2)),
            Municipality = "2281",
            DataClassification = DataClassification.Confidential,
            Data = new CaseEventData
            {
                Case = new CaseRef { SourceSystem = sourceSystem, SourceCaseId = "4711", CaseType = "va-anslutning", SourceStatus = sourceStatus, Title = Title },
                Event = new EventDetails { Headline = "Ärendet går till nämnden", OccurredAt = new DateTimeOffset(2026, 4, 8, 14, 0, 0, TimeSpan.FromHours(2)), IsDiaryEvent = document is not null },
                Document = document,
            },
        }, CaseId, null, null);

    public static async Task<Attachment> AttachmentAsync(Support.InMemoryHub hub, string name, string text)
    {
        var stored = await hub.PutAsync(Encoding.UTF8.GetBytes(text), "application/pdf", CancellationToken.None);
        return new Attachment(name, "application/pdf", stored.Size, stored.Sha256, stored.Reference);
    }
}
