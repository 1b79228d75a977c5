using IntegrationHub.Adapters.EServices.Tests.Push.Support;
using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Adapters.EServices.Tests.Push;

/// <summary>The two shipped platform styles map to an opened and a document-registered event that the schema accepts.</summary>
public sealed class PushSampleMappingTests
{
    [Fact]
    public async Task ArtviseFlatJson_MapsToAnOpenedCaseWithTheApplicantAndARegisteredSubmission()
    {
        var fixture = new PushFixture();
        var body = PushSamples.Bytes("artvise/submission.json");

        var result = await fixture.Artvise(body);

        Assert.True(result.Succeeded, result.Failure?.ToString());
        Assert.Collection(result.Events,
            opened =>
            {
                Assert.Equal(CaseEventTypes.Opened, opened.Type);
                Assert.Equal("artvise-AV-2026-0302-000123-opened", opened.Id);
                Assert.Equal("urn:integrationhub:artvise:2281", opened.Source);
                Assert.Equal("artvise/AV-2026-0302-000123", opened.Subject);
                Assert.Equal(DataClassification.Confidential, opened.DataClassification);
                Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 14, 7, TimeSpan.FromHours(1)), opened.Time);
                Assert.Equal("artvise", opened.Data.Case.SourceSystem);
                Assert.Equal("AV-2026-0302-000123", opened.Data.Case.SourceCaseId);
                Assert.Equal("Trasig gatubelysning på Storgatan", opened.Data.Case.Title);
                Assert.Equal("felanmalan-gata", opened.Data.Case.CaseType);
                Assert.Equal(new OrganisationRef("Gatuavdelningen", "Gatuavdelningen"), opened.Data.Case.Unit);
                Assert.Equal(CustomerEventCategory.Receipt, opened.Data.Event.Category);
                Assert.StartsWith("Tre lyktstolpar", opened.Data.Event.Description, StringComparison.Ordinal);
                Assert.Equal(new Uri("https://sundsvall.artvise.example/mina-arenden/AV-2026-0302-000123"), opened.Data.Event.Link);
                var applicant = Assert.Single(opened.Data.Parties!);
                Assert.Equal(PartyRole.Applicant, applicant.Role);
                Assert.Equal(new PartyIdentity(IdentityType.Personnummer, "191212121212"), applicant.Identity);
                Assert.Equal("Tolvan Tolvansson", applicant.Name);
                Assert.Equal("tolvan.tolvansson@example.com", applicant.Email);
                Assert.Equal("070-123 45 67", applicant.Phone);
            },
            registered =>
            {
                Assert.Equal(CaseEventTypes.DocumentRegistered, registered.Type);
                Assert.Equal("artvise-AV-2026-0302-000123-submission", registered.Id);
                var document = registered.Data.Document!;
                Assert.Equal(DocumentDirection.Incoming, document.Direction);
                Assert.Equal("E-tjänst (Artvise)", document.DocumentType);
                Assert.Equal("Tolvan Tolvansson", document.Sender!.Name);
                Assert.True(registered.Data.Event.IsDiaryEvent);
                Assert.Equal(["inlamning.json", "lyktstolpe.png", "karta-storgatan.pdf"], document.Attachments!.Select(a => a.Name));
                Assert.Equal(["application/json", "image/png", "application/pdf"], document.Attachments!.Select(a => a.MediaType));
            });
        Assert.All(result.Events, PushSchemaAssert.Valid);
    }

    [Fact]
    public async Task TheSubmissionAndItsAttachments_AreStoredAndReferencedBySha256()
    {
        var fixture = new PushFixture();
        var body = PushSamples.Bytes("artvise/submission.json");

        var result = await fixture.Artvise(body);

        var attachments = result.Events[1].Data.Document!.Attachments!;
        Assert.Equal(3, fixture.Store.Puts);
        foreach (var attachment in attachments)
        {
            var blob = fixture.Store.Contents[attachment.Sha256];
            Assert.Equal(attachment.Size, blob.Content.Length);
            Assert.Equal($"/api/v1/contents/{attachment.Sha256}", attachment.Reference);
        }

        // The submission is kept exactly as received and signed.
        Assert.Equal(body, fixture.Store.Contents[attachments[0].Sha256].Content.ToArray());
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(fixture.Store.Contents[attachments[2].Sha256].Content.Span), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SelfpointNamespacedXml_MapsTheOrganisationAsApplicantAndThePersonAsContact()
    {
        var fixture = new PushFixture();

        var result = await fixture.Selfpoint(PushSamples.Bytes("selfpoint/submission.xml"));

        Assert.True(result.Succeeded, result.Failure?.ToString());
        Assert.All(result.Events, PushSchemaAssert.Valid);
        var opened = result.Events[0];
        Assert.Equal("selfpoint-SP-2281-2026-004711-opened", opened.Id);
        Assert.Equal("urn:integrationhub:selfpoint:2281", opened.Source);
        // Written without an offset: Swedish local time (CET in March).
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 13, 22, 10, TimeSpan.FromHours(1)), opened.Time);
        Assert.Equal("serveringstillstand", opened.Data.Case.CaseType);
        Assert.Equal("Stadigvarande serveringstillstånd, Restaurang Exempelkrogen", opened.Data.Case.Title);
        Assert.Equal(new OrganisationRef("alkohol-tobak", "Alkohol- och tobakshandläggningen"), opened.Data.Case.Unit);
        Assert.Collection(opened.Data.Parties!,
            organisation =>
            {
                Assert.Equal(PartyRole.Applicant, organisation.Role);
                Assert.Equal(new PartyIdentity(IdentityType.Organisationsnummer, "5566778899"), organisation.Identity);
                Assert.Equal("Exempelkrogen AB", organisation.Name);
            },
            contact =>
            {
                Assert.Equal(PartyRole.Contact, contact.Role);
                Assert.Equal(new PartyIdentity(IdentityType.Personnummer, "191212121212"), contact.Identity);
                Assert.Equal("Tolvan Tolvansson", contact.Name);
                Assert.Equal("+46 60 12 34 56", contact.Phone);
            });
        var document = result.Events[1].Data.Document!;
        Assert.Equal("Exempelkrogen AB", document.Sender!.Organisation);
        Assert.Equal(["inlamning.xml", "planritning.pdf", "kunskapsprov-intyg.pdf"], document.Attachments!.Select(a => a.Name));
        // The second attachment has no media type in the payload: guessed from its name. Its base64 spans lines.
        Assert.Equal("application/pdf", document.Attachments![2].MediaType);
        Assert.Equal(document.Attachments[1].Sha256, document.Attachments[2].Sha256);
    }

    [Fact]
    public async Task ASubmissionWithoutTime_IsDatedWhenItArrived()
    {
        var options = PushSamples.Options("artvise");
        options.Mapping.SubmittedAt = null;
        var fixture = new PushFixture(("artvise", options));

        var result = await fixture.Artvise(PushSamples.Bytes("artvise/submission.json"));

        Assert.Equal(PushFixture.Now, result.Events[0].Time);
        Assert.All(result.Events, PushSchemaAssert.Valid);
    }
}
