using System.Text;
using IntegrationHub.Adapters.Fgs.Model;
using IntegrationHub.Adapters.Fgs.Reading;
using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Adapters.Fgs.Tests.Reading;

/// <summary>Valid deliveries are read whole into the model, with every element the hub uses.</summary>
public sealed class FgsReaderTests
{
    private static readonly FgsReader Reader = new();

    private static Task<FgsDelivery> ReadAsync(string name) => Reader.ReadFileAsync(Samples.Valid(name), CancellationToken.None);

    public static TheoryData<string> ValidSamples() => [.. Samples.ValidNames()];

    [Theory]
    [MemberData(nameof(ValidSamples))]
    public async Task EveryValidSample_IsReadWithItsCasesAndDocuments(string sample)
    {
        var delivery = await ReadAsync(sample);

        Assert.Equal(sample, delivery.FileName);
        Assert.Matches("^[0-9a-f]{64}$", delivery.Sha256);
        Assert.NotEmpty(delivery.Cases);
        Assert.All(delivery.Cases, c => Assert.False(string.IsNullOrWhiteSpace(c.Title)));
    }

    [Fact]
    public async Task BygglovSample_ReadsCaseDatesPartiesAndAttachments()
    {
        var delivery = await ReadAsync("01-bygglov-bn-2026-0142.xml");

        var bygglov = Assert.Single(delivery.Cases);
        Assert.Equal("BN 2026/142", bygglov.Id);
        Assert.Equal("Ansökan om bygglov för nybyggnad av fritidshus på Exempelby 3:14", bygglov.Title);
        Assert.Equal("Bygglov", bygglov.CaseType);
        Assert.Equal(CaseStatus.Closed, bygglov.Status);
        Assert.Equal(new FgsDate("2026-02-03T09:12:44", 2026, 2, 3, new TimeOnly(9, 12, 44)), bygglov.Created);
        Assert.Equal("2026-03-18T14:05:00", Assert.Single(bygglov.Decided).Text);
        Assert.Equal("2026-03-25T10:30:00", bygglov.Closed!.Text);
        Assert.False(bygglov.Retention!.Erasable);
        Assert.Equal(new FgsExtraId("Exempelby 3:14", "fastighetsbeteckning"), Assert.Single(bygglov.ExtraIds));
        Assert.Equal(new FgsAgent("Handläggare", "Bygglovshandläggare Exempel", "Bygg- och miljönämnden", "Bygglovsenheten"), Assert.Single(bygglov.Agents));
        var motpart = Assert.Single(bygglov.Counterparts);
        Assert.Equal(("Tolvan Tolvansson", "191212121212", 1), (motpart.Name, motpart.IdNumber!.Value, motpart.IdNumber.Type));
        Assert.Equal(["070-123 45 67"], motpart.Phones);

        Assert.Equal(["BN 2026/142-1", "BN 2026/142-2", "BN 2026/142-3"], bygglov.Documents.Select(d => d.Id));
        var beslut = bygglov.Documents[2];
        Assert.Equal((FgsDocumentStatus.Sent, 3, "Beslut"), (beslut.Status!.Value, beslut.RunningNumber!.Value, beslut.DocumentType));
        Assert.Equal("Tolvan Tolvansson", Assert.Single(beslut.Recipients).Name);
        var bilaga = Assert.Single(beslut.Attachments);
        Assert.Equal(("Beslut om bygglov.pdf", "filer/bn-2026-0142/beslut-bygglov.pdf", 780L, "application/pdf", "SHA-256"),
            (bilaga.Name, bilaga.Link, bilaga.Size!.Value, bilaga.MediaType, bilaga.ChecksumMethod));
        Assert.Equal("/Leveransobjekt/ArkivobjektListaArenden/ArkivobjektArende[1]/ArkivobjektListaHandlingar/ArkivobjektHandling[3]/Bilaga[1]", bilaga.Location.Path);
    }

    [Fact]
    public async Task SekretessSample_ReadsTheRestrictionOfCaseAndDocument()
    {
        var delivery = await ReadAsync("02-ks-2026-0088-sekretess.xml");

        var ks = Assert.Single(delivery.Cases);
        var restriction = Assert.Single(ks.Restrictions);
        Assert.Equal((RestrictionType.Sekretess, "OSL 25 kap. 1 §", "2096-02-10"), (restriction.Type, restriction.LegalReference, restriction.Until!.Text));
        Assert.Equal(RestrictionType.Sekretess, Assert.Single(ks.Documents[0].Restrictions).Type);
        Assert.Equal(FgsDocumentStatus.InProgress, ks.Documents[1].Status);
        Assert.False(Assert.Single(ks.Counterparts).ProtectedIdentity);
    }

    [Fact]
    public async Task TwoCaseSample_ReadsDatesOfEveryPrecisionAndRelations()
    {
        var delivery = await ReadAsync("03-platina-flera-arenden.xml");

        Assert.Equal(["KS-2026/0412", "2016-000003"], delivery.Cases.Select(c => c.Id));
        Assert.Equal(new FgsDate("2026-03", 2026, 3), delivery.Cases[0].Created);
        Assert.Equal(new FgsCaseRelation("KS 2025/1187", "Referens", null), Assert.Single(delivery.Cases[0].Relations));
        Assert.Equal(new FgsDate("2016", 2016), delivery.Cases[1].Closed);
        Assert.Equal(CaseStatus.AdActa, delivery.Cases[1].Status);
        Assert.Empty(delivery.Cases[1].Documents);
    }

    [Fact]
    public void ADoctypeWithAnExternalEntity_IsRefusedWithoutReadingTheEntity()
    {
        var content = File.ReadAllBytes(Samples.Invalid("xxe.xml"));

        var error = Assert.Throws<FgsFormatException>(() => Reader.Parse(content, "xxe.xml"));

        Assert.Equal(FgsErrorCodes.Dtd, error.Code);
        Assert.Equal(2, error.Line);
        Assert.Contains("DOCTYPE", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnInternalEntityBomb_IsRefusedToo()
    {
        const string xml = """
            <?xml version="1.0"?>
            <!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
            <Leveransobjekt xmlns="http://xml.ra.se/e-arkiv/FGS-ERMS"/>
            """;

        var error = Assert.Throws<FgsFormatException>(() => Reader.Parse(Encoding.UTF8.GetBytes(xml), "bomb.xml"));

        Assert.Equal(FgsErrorCodes.Dtd, error.Code);
    }

    [Fact]
    public async Task AFileAboveTheSizeLimit_IsNotRead()
    {
        var small = new FgsReader(maxBytes: 1024);

        var error = await Assert.ThrowsAsync<FgsFormatException>(() => small.ReadFileAsync(Samples.Valid("01-bygglov-bn-2026-0142.xml"), CancellationToken.None));

        Assert.Equal(FgsErrorCodes.TooLarge, error.Code);
        Assert.Contains("MaxFileMegabytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoCasesWithOneArkivobjektId_AreRefused()
    {
        const string xml = """
            <Leveransobjekt xmlns="http://xml.ra.se/e-arkiv/FGS-ERMS"><ArkivobjektListaArenden>
            <ArkivobjektArende><ArkivobjektID>KS 2026/1</ArkivobjektID><Arendemening>Ett</Arendemening></ArkivobjektArende>
            <ArkivobjektArende><ArkivobjektID>KS 2026/1</ArkivobjektID><Arendemening>Två</Arendemening></ArkivobjektArende>
            </ArkivobjektListaArenden></Leveransobjekt>
            """;

        var error = Assert.Throws<FgsFormatException>(() => Reader.Parse(Encoding.UTF8.GetBytes(xml), "dubbel.xml"));

        Assert.Equal(FgsErrorCodes.DuplicateId, error.Code);
        Assert.Equal("/Leveransobjekt/ArkivobjektListaArenden/ArkivobjektArende[2]/ArkivobjektID", error.ElementPath);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void AnotherRootElement_IsRefusedNamingIt()
    {
        var error = Assert.Throws<FgsFormatException>(() => Reader.Parse("<Arenden xmlns=\"http://xml.ra.se/e-arkiv/FGS-ERMS\"/>"u8.ToArray(), "fel.xml"));

        Assert.Equal((FgsErrorCodes.Root, "/Arenden", 1), (error.Code, error.ElementPath, error.Line));
    }
}
