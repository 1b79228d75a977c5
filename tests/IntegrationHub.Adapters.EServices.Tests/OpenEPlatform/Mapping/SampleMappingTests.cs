using IntegrationHub.Adapters.EServices.OpenEPlatform.Inbound;
using IntegrationHub.Adapters.EServices.Tests.OpenEPlatform.Support;
using IntegrationHub.Canonical.Model;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationHub.Adapters.EServices.Tests.OpenEPlatform.Mapping;

/// <summary>The shipped samples, read through the simulated instance API, become valid opened events with the configured mapping.</summary>
public sealed class SampleMappingTests : IDisposable
{
    private readonly OpenEPlatformSimulator _platform = new();
    private readonly InMemoryHub _hub = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 8, 0, 0, TimeSpan.Zero));

    private async Task<IReadOnlyList<CaseEvent>> ReadSamplesAsync()
    {
        _platform.LoadSamples();
        var options = TestOptions.For(_platform);
        var source = new OpenEPlatformSource(TestOptions.Instance, options, TestOptions.Connection(options).Instances, _hub, _time);
        var batch = await source.ReceiveAsync(null, CancellationToken.None);
        Assert.False(batch.More);
        return batch.Events;
    }

    [Fact]
    public async Task EverySample_MapsToOneOpenedEventThatValidatesAgainstTheSchema()
    {
        var events = await ReadSamplesAsync();

        Assert.Equal(["oep-48213-submitted", "oep-51002-submitted"], events.Select(e => e.Id));
        Assert.All(events, SchemaAssert.Valid);
        Assert.All(events, e => Assert.Equal(CaseEventTypes.Opened, e.Type));
        Assert.All(events, e => Assert.Equal("urn:integrationhub:open-eplatform:2281", e.Source));
        Assert.All(events, e => Assert.Equal("open-eplatform", e.Data.Case.SourceSystem));
    }

    [Fact]
    public async Task IsoLatin1WithCdata_KeepsSwedishLettersAndMapsTheBygglovFamily()
    {
        var bygglov = (await ReadSamplesAsync())[0];

        Assert.Equal("48213", bygglov.Data.Case.SourceCaseId);
        Assert.Equal("open-eplatform/48213", bygglov.Subject);
        Assert.Equal("Ansökan om bygglov, Exempelby 3:14: Nybyggnad av enbostadshus", bygglov.Data.Case.Title);
        Assert.Equal("bygglov", bygglov.Data.Case.CaseType);
        Assert.Equal(new OrganisationRef("SBN", "Stadsbyggnadsnämnden"), bygglov.Data.Case.Authority);
        Assert.Equal(new OrganisationRef("bygglovsenheten", "Bygglovsenheten"), bygglov.Data.Case.Unit);
        Assert.Equal("Inskickat", bygglov.Data.Case.SourceStatus);
        Assert.Equal(CaseStatus.Open, bygglov.Data.Case.Status);
        Assert.Equal("Vi har tagit emot din ansökan om bygglov", bygglov.Data.Event.Headline);
        Assert.Equal(
            "Vilken åtgärd söker du bygglov för: Nybyggnad av enbostadshus\nBeskriv åtgärden: Ett enplanshus på 142 m² med förråd & carport. Fasad i trä, målad falu rödfärg; taket får svarta betongpannor (för att smälta in på gården).",
            bygglov.Data.Event.Description);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 14, 7, TimeSpan.FromHours(1)), bygglov.Data.Event.OccurredAt);
        Assert.Equal(bygglov.Data.Event.OccurredAt, bygglov.Time);
        Assert.True(bygglov.Data.Event.IsDiaryEvent);
        Assert.Equal(CustomerEventCategory.Receipt, bygglov.Data.Event.Category);
        Assert.Equal(new Uri("https://e-tjanster.sundsvall.example/oep/minasidor/arende/48213"), bygglov.Data.Event.Link);
    }

    [Fact]
    public async Task ThePostersPersonnummer_MakesTheApplicantAndTheEventConfidential()
    {
        var bygglov = (await ReadSamplesAsync())[0];

        Assert.Equal(DataClassification.Confidential, bygglov.DataClassification);
        var applicant = Assert.Single(bygglov.Data.Parties!, p => p.Role == PartyRole.Applicant);
        Assert.Equal(new PartyIdentity(IdentityType.Personnummer, "191212121212"), applicant.Identity);
        Assert.Equal("Tolvan Tolvansson", applicant.Name);
        Assert.Equal("tolvan.tolvansson@example.com", applicant.Email);
        var owner = Assert.Single(bygglov.Data.Parties!, p => p.Role == PartyRole.PropertyOwner);
        Assert.Equal("Åsa Provström", owner.Name);
        Assert.Equal(new PartyIdentity(IdentityType.Personnummer, "198503151238"), owner.Identity);
        Assert.Equal("Tolvan Tolvansson", bygglov.Data.Document!.Sender!.Name);
        Assert.Equal(applicant.Identity, bygglov.Data.Document.Sender.Identity);
    }

    [Fact]
    public async Task TheSubmission_IsAnIncomingDocumentWithPdfXmlAndUploadedFilesInTheContentStore()
    {
        var document = (await ReadSamplesAsync())[0].Data.Document!;

        Assert.Equal(DocumentDirection.Incoming, document.Direction);
        Assert.Equal("oep-48213-submission", document.DocumentId);
        Assert.Equal("Ansökan", document.DocumentType);
        Assert.Equal(["oep-48213.pdf", "oep-48213.xml", "situationsplan-exempelby-3-14.pdf"], document.Attachments!.Select(a => a.Name));
        Assert.Equal(["application/pdf", "application/xml", "application/pdf"], document.Attachments!.Select(a => a.MediaType));
        Assert.Equal(Samples.Bytes("bygglov-48213.pdf"), _hub.Contents[document.Attachments![0].Sha256].Content.ToArray());
        Assert.Equal(Samples.Bytes("bygglov-48213.xml"), _hub.Contents[document.Attachments[1].Sha256].Content.ToArray());
        Assert.All(document.Attachments, a => Assert.Equal(_hub.Contents[a.Sha256].Content.Length, a.Size));
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(_hub.Contents[document.Attachments[2].Sha256].Content.Span[..4]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Utf8WithoutPersonnummer_IsInternalAndKeepsSwedishLetters()
    {
        var felanmalan = (await ReadSamplesAsync())[1];

        Assert.Equal(DataClassification.Internal, felanmalan.DataClassification);
        Assert.Equal("Felanmälan: Gatubelysning, Köpmangatan 14, vid busshållplatsen Stenstan", felanmalan.Data.Case.Title);
        Assert.Equal("felanmalan-gata", felanmalan.Data.Case.CaseType);
        Assert.Equal(new OrganisationRef("gata-park", "Gata och park"), felanmalan.Data.Case.Unit);
        Assert.Contains("Mörkt och halt på övergångsstället – särskilt för äldre", felanmalan.Data.Event.Description, StringComparison.Ordinal);
        var applicant = Assert.Single(felanmalan.Data.Parties!);
        Assert.Null(applicant.Identity);
        Assert.Equal("Göran Exempelsson", applicant.Name);
        Assert.Equal(["oep-51002.xml", "lyktstolpe-köpmangatan.jpg"], felanmalan.Data.Document!.Attachments!.Select(a => a.Name));
        Assert.Equal("image/jpeg", felanmalan.Data.Document.Attachments![1].MediaType);
    }

    [Fact]
    public async Task AFamilyWithALegalReference_IsRestrictedWithASekretessMarking()
    {
        _platform.LoadSamples();
        var options = TestOptions.For(_platform);
        options.Families["205"].LegalReference = "OSL 26 kap. 1 §";
        var source = new OpenEPlatformSource(TestOptions.Instance, options, TestOptions.Connection(options).Instances, _hub, _time);

        var felanmalan = (await source.ReceiveAsync(null, CancellationToken.None)).Events[1];

        SchemaAssert.Valid(felanmalan);
        Assert.Equal(DataClassification.Restricted, felanmalan.DataClassification);
        Assert.Equal(RestrictionType.Sekretess, felanmalan.Data.Restriction!.Type);
        Assert.Equal("OSL 26 kap. 1 §", felanmalan.Data.Restriction.LegalReference);
    }

    public void Dispose() => _platform.Dispose();
}
