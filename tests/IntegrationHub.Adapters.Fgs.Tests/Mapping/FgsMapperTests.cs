using IntegrationHub.Adapters.Fgs.Mapping;
using IntegrationHub.Adapters.Fgs.Reading;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Canonical.Serialization;

namespace IntegrationHub.Adapters.Fgs.Tests.Mapping;

/// <summary>A delivery becomes the case events a registrator would expect, each one valid against the schema.</summary>
public sealed class FgsMapperTests
{
    private readonly InMemoryContentStore _store = new();

    private async Task<IReadOnlyList<CaseEvent>> MapAsync(string sample, FgsOptions? options = null)
    {
        var delivery = await new FgsReader().ReadFileAsync(Samples.Valid(sample), CancellationToken.None);
        var import = await new FgsMapper(options ?? TestOptions.Create()).MapAsync(delivery, Samples.ValidFolder, _store, CancellationToken.None);
        return import.Events;
    }

    public static TheoryData<string> ValidSamples() => [.. Samples.ValidNames()];

    [Theory]
    [MemberData(nameof(ValidSamples))]
    public async Task EveryEventOfEveryValidSample_PassesTheSchema(string sample)
    {
        var events = await MapAsync(sample);

        Assert.NotEmpty(events);
        Assert.All(events, SchemaAssert.Valid);
        Assert.All(events, e => Assert.Equal("urn:integrationhub:platina:2281", e.Source));
        Assert.Equal(events.Count, events.Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public async Task BygglovCase_IsOpenedThenDocumentsAndDecisionInTimeOrderThenClosed()
    {
        var events = await MapAsync("01-bygglov-bn-2026-0142.xml");

        Assert.Equal(
            [
                ("fgs-platina-BN 2026/142-opened", CaseEventTypes.Opened),
                ("fgs-platina-BN 2026/142-doc-BN 2026/142-1", CaseEventTypes.DocumentRegistered),
                ("fgs-platina-BN 2026/142-doc-BN 2026/142-2", CaseEventTypes.DocumentRegistered),
                ("fgs-platina-BN 2026/142-doc-BN 2026/142-3", CaseEventTypes.DocumentRegistered),
                ("fgs-platina-BN 2026/142-decided-1", CaseEventTypes.Decided),
                ("fgs-platina-BN 2026/142-closed", CaseEventTypes.Closed),
            ],
            events.Select(e => (e.Id, e.Type)));
        Assert.All(events, e => Assert.Equal("platina/BN 2026/142", e.Subject));

        var opened = events[0];
        var caseRef = opened.Data.Case;
        Assert.Equal(("platina", "BN 2026/142", "bygglov", CaseStatus.Closed), (caseRef.SourceSystem, caseRef.SourceCaseId, caseRef.CaseType, caseRef.Status!.Value));
        Assert.Equal(new Diarienummer("BN 2026/142", "BN", 2026, 142), caseRef.Diarienummer);
        Assert.Equal(new OrganisationRef("bygglovsenheten", "Bygglovsenheten"), caseRef.Unit);
        Assert.Equal(new OrganisationRef("bygg-och-miljonamnden", "Bygg- och miljönämnden"), caseRef.Authority);
        Assert.Equal(new DateTimeOffset(2026, 2, 3, 9, 12, 44, TimeSpan.FromHours(1)), opened.Data.Event.OccurredAt);
        var applicant = Assert.Single(opened.Data.Parties!);
        Assert.Equal((PartyRole.Applicant, IdentityType.Personnummer, "191212121212"), (applicant.Role, applicant.Identity!.Type, applicant.Identity.Value));
        // A personnummer makes the events at least confidential (schemas/README.md).
        Assert.Equal(DataClassification.Confidential, opened.DataClassification);
    }

    [Fact]
    public async Task Documents_HaveDirectionCorrespondentsLopnummerAndStoredAttachments()
    {
        var events = await MapAsync("01-bygglov-bn-2026-0142.xml");

        var ansokan = events[1].Data.Document!;
        Assert.Equal((DocumentDirection.Incoming, "Ansökan", 1), (ansokan.Direction, ansokan.DocumentType, ansokan.RunningNumber!.Value));
        Assert.Equal("Tolvan Tolvansson", ansokan.Sender!.Name);
        var pdf = Assert.Single(ansokan.Attachments!);
        Assert.Equal(("Ansökan om bygglov.pdf", "application/pdf", 758L, "39ba93b403ffb45ac23642eb7e361a894c431adaac7434f48b7b8b7a12d59b1f"),
            (pdf.Name, pdf.MediaType, pdf.Size, pdf.Sha256));
        Assert.Equal(File.ReadAllBytes(Path.Combine(Samples.ValidFolder, "filer/bn-2026-0142/ansokan-om-bygglov.pdf")), _store.Contents[pdf.Sha256].Content.ToArray());
        Assert.Equal($"/api/v1/content/{pdf.Sha256}", pdf.Reference);

        var beslut = events[3];
        Assert.Equal(DocumentDirection.Sent, beslut.Data.Document!.Direction);
        Assert.Equal(new DateTimeOffset(2026, 3, 18, 14, 5, 0, TimeSpan.FromHours(1)), beslut.Data.Document.Date);
        Assert.Equal("Tolvan Tolvansson", Assert.Single(beslut.Data.Document.Recipients!).Name);
        Assert.True(beslut.Data.Event.IsDiaryEvent);
        Assert.Equal(3, _store.Contents.Count);
    }

    [Fact]
    public async Task Decision_IsADiaryEventInTheBeslutCategory()
    {
        var decided = (await MapAsync("01-bygglov-bn-2026-0142.xml")).Single(e => e.Type == CaseEventTypes.Decided);

        Assert.Equal((DecisionOutcome.Other, new DateTimeOffset(2026, 3, 18, 14, 5, 0, TimeSpan.FromHours(1))), (decided.Data.Decision!.Outcome, decided.Data.Decision.DecidedAt));
        Assert.Equal("bygg-och-miljonamnden", decided.Data.Decision.DecidedBy!.Id);
        Assert.Equal((true, CustomerEventCategory.Decision), (decided.Data.Event.IsDiaryEvent, decided.Data.Event.Category!.Value));
    }

    [Fact]
    public async Task ASekretessRestriction_MakesEveryEventRestrictedWithTheMarking()
    {
        var events = await MapAsync("02-ks-2026-0088-sekretess.xml");

        Assert.All(events, e => Assert.Equal(DataClassification.Restricted, e.DataClassification));
        var restriction = events[0].Data.Restriction!;
        Assert.Equal((RestrictionType.Sekretess, "OSL 25 kap. 1 §"), (restriction.Type, restriction.LegalReference));
        Assert.Equal("Uppgifter om enskilds hälsotillstånd i ärendet. Gäller till 2096-02-10.", restriction.Explanation);
        Assert.Equal("skadestand", events[0].Data.Case.CaseType);
        Assert.Contains(events[0].Data.Parties!, p => p is { Role: PartyRole.Representative, Name: "Advokatbyrån Exempel AB" });
        Assert.DoesNotContain(events, e => e.Type == CaseEventTypes.Closed);
    }

    [Fact]
    public async Task ADocumentStillUnderWork_IsNotADiaryEvent()
    {
        var draft = (await MapAsync("02-ks-2026-0088-sekretess.xml")).Single(e => e.Id.EndsWith("-doc-KS 2026/88-2", StringComparison.Ordinal));

        Assert.False(draft.Data.Event.IsDiaryEvent);
        Assert.Equal(DocumentDirection.DrawnUp, draft.Data.Document!.Direction);
        Assert.Equal(new DateTimeOffset(2026, 2, 20, 0, 0, 0, TimeSpan.FromHours(1)), draft.Data.Document.Date);
    }

    [Fact]
    public async Task IntegritetRestriction_IsConfidential_AndAnotherKindTakesTheDefault()
    {
        var delivery = new FgsReader().Parse("""
            <Leveransobjekt xmlns="http://xml.ra.se/e-arkiv/FGS-ERMS"><ArkivobjektListaArenden>
            <ArkivobjektArende><ArkivobjektID>SN 2026/5</ArkivobjektID><Restriktion Typ="Integritet"/><Skapad>2026</Skapad><Arendemening>Ett</Arendemening></ArkivobjektArende>
            <ArkivobjektArende><ArkivobjektID>SN 2026/6</ArkivobjektID><Restriktion Typ="Annan typ" AnnanTyp="Upphovsrätt"/><Skapad>2026</Skapad><Arendemening>Två</Arendemening></ArkivobjektArende>
            </ArkivobjektListaArenden></Leveransobjekt>
            """u8.ToArray(), "r.xml");
        var options = TestOptions.Create();
        options.DefaultClassification = DataClassification.Public;

        var events = (await new FgsMapper(options).MapAsync(delivery, Samples.ValidFolder, _store, CancellationToken.None)).Events;

        Assert.Equal([DataClassification.Confidential, DataClassification.Public], events.Select(e => e.DataClassification));
        Assert.Equal((RestrictionType.Other, "Upphovsrätt"), (events[1].Data.Restriction!.Type, events[1].Data.Restriction!.Explanation));
        Assert.Equal(["allmant", "allmant"], events.Select(e => e.Data.Case.CaseType));
    }

    [Fact]
    public async Task TwoCases_EachGetTheirEvents_WithDiarienummerPartsWhereTheyParse()
    {
        var events = await MapAsync("03-platina-flera-arenden.xml");

        var byCase = events.GroupBy(e => e.Data.Case.SourceCaseId).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(new Diarienummer("KS-2026/0412", "KS", 2026, 412), byCase["KS-2026/0412"][0].Data.Case.Diarienummer);
        Assert.Equal(new Diarienummer("2016-000003", null, 2016, 3), byCase["2016-000003"][0].Data.Case.Diarienummer);
        // Skapad "2026-03" is the first of March.
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.FromHours(1)), byCase["KS-2026/0412"][0].Data.Event.OccurredAt);
        Assert.Equal("Referens: KS 2025/1187.", byCase["KS-2026/0412"][0].Data.Event.Description);
        Assert.Equal([CaseEventTypes.Opened, CaseEventTypes.Closed], byCase["2016-000003"].Select(e => e.Type));
        Assert.Equal((CaseStatus.AdActa, "allmant"), (byCase["2016-000003"][0].Data.Case.Status!.Value, byCase["2016-000003"][0].Data.Case.CaseType));
        Assert.Equal(PartyRole.Applicant, Assert.Single(byCase["KS-2026/0412"][0].Data.Parties!).Role);
    }

    [Fact]
    public async Task TheSameDeliveryReadTwice_GivesTheSameEvents()
    {
        var first = await MapAsync("01-bygglov-bn-2026-0142.xml");
        var second = await MapAsync("01-bygglov-bn-2026-0142.xml");

        Assert.Equal(first.Select(e => e.Id), second.Select(e => e.Id));
        Assert.Equal(first.Select(e => Convert.ToBase64String(CaseEventFormatter.EncodeStructured(e))), second.Select(e => Convert.ToBase64String(CaseEventFormatter.EncodeStructured(e))));
    }

    [Fact]
    public async Task ACaseWithoutAnyDate_IsRefused()
    {
        var delivery = new FgsReader().Parse("""
            <Leveransobjekt xmlns="http://xml.ra.se/e-arkiv/FGS-ERMS"><ArkivobjektListaArenden>
            <ArkivobjektArende><ArkivobjektID>KS 2026/7</ArkivobjektID><Arendemening>Utan datum</Arendemening></ArkivobjektArende>
            </ArkivobjektListaArenden></Leveransobjekt>
            """u8.ToArray(), "utan-datum.xml");

        var error = await Assert.ThrowsAsync<FgsFormatException>(() => new FgsMapper(TestOptions.Create()).MapAsync(delivery, Samples.ValidFolder, _store, CancellationToken.None));

        Assert.Equal((FgsErrorCodes.NoDate, "/Leveransobjekt/ArkivobjektListaArenden/ArkivobjektArende[1]", 2), (error.Code, error.ElementPath, error.Line));
    }
}
