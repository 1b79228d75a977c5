using IntegrationHub.Adapters.Fgs.Mapping;
using IntegrationHub.Adapters.Fgs.Reading;

namespace IntegrationHub.Adapters.Fgs.Tests.Reading;

/// <summary>Every invalid sample is refused with the file, line, element path and rule that tell the exporter what to fix.</summary>
public sealed class InvalidSampleTests
{
    private const string Case1 = "/Leveransobjekt/ArkivobjektListaArenden/ArkivobjektArende[1]";
    private const string Document1 = Case1 + "/ArkivobjektListaHandlingar/ArkivobjektHandling[1]";

    public static TheoryData<string, int, string, string, string> Expected() => new()
    {
        { "saknar-arendemening.xml", 11, "/Leveransobjekt/ArkivobjektListaArenden/ArkivobjektArende[2]/Arendemening", FgsErrorCodes.Required, "required element Arendemening is missing" },
        { "felaktigt-datum.xml", 12, Document1 + "/Inkommen", FgsErrorCodes.Date, "'2026-02-30' is not a date of the form YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss" },
        { "fel-namnrymd.xml", 3, "/Leveransobjekt", FgsErrorCodes.Namespace, "must be in namespace http://xml.ra.se/e-arkiv/FGS-ERMS, found namespace http://xml.ra.se/e-arkiv/FGS-PUBL" },
        { "checksumma-fel.xml", 15, Document1 + "/Bilaga[1]/@Checksumma", FgsErrorCodes.Checksum, "checksum mismatch for Bilaga 'Protokollsutdrag.pdf'" },
        { "okand-status.xml", 8, Case1 + "/StatusArande", FgsErrorCodes.Enumeration, "'Pågående' is not one of Öppet, Vilande, Stängt, Makulerat, Ad Acta" },
        { "felaktigt-lopnummer.xml", 13, Document1 + "/Lopnummer", FgsErrorCodes.Number, "'tre' is not a whole number" },
        { "saknad-bilaga.xml", 14, Document1 + "/Bilaga[1]/@Lank", FgsErrorCodes.AttachmentMissing, "the file 'filer/finns-inte.pdf' of Bilaga 'Ansökan.pdf' is not in the delivery folder" },
        { "bilaga-utanfor-leveransen.xml", 14, Document1 + "/Bilaga[1]/@Lank", FgsErrorCodes.AttachmentLink, "must be a relative path to a file inside the delivery folder" },
        { "xxe.xml", 2, "/", FgsErrorCodes.Dtd, "a DOCTYPE (DTD) is not allowed" },
        { "inte-valformad.xml", 9, "/", FgsErrorCodes.NotWellFormed, "not well-formed XML" },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public async Task AnInvalidSample_IsRefusedWithLineElementAndRule(string sample, int line, string path, string code, string rule)
    {
        var error = await Assert.ThrowsAsync<FgsFormatException>(() => ImportAsync(sample));

        Assert.Equal((sample, line, path, code), (error.FileName, error.Line, error.ElementPath, error.Code));
        Assert.Contains(rule, error.Rule, StringComparison.Ordinal);
        Assert.StartsWith($"{sample} line {line}, position ", error.Message, StringComparison.Ordinal);
        Assert.Contains($": {path}: ", error.Message, StringComparison.Ordinal);
        Assert.True(error.Position > 0);
    }

    [Fact]
    public void EveryInvalidSample_HasAnExpectation()
    {
        var covered = Expected().Select(row => (string)row[0]).ToHashSet();
        Assert.All(Directory.EnumerateFiles(Samples.InvalidFolder, "*.xml").Select(Path.GetFileName), name => Assert.Contains(name!, covered));
    }

    [Fact]
    public async Task AChecksumMismatch_StoresNoAttachment()
    {
        var store = new InMemoryContentStore();

        await Assert.ThrowsAsync<FgsFormatException>(() => ImportAsync("checksumma-fel.xml", store));

        Assert.Empty(store.Contents);
    }

    private static async Task<FgsImport> ImportAsync(string sample, InMemoryContentStore? store = null)
    {
        var delivery = await new FgsReader().ReadFileAsync(Samples.Invalid(sample), CancellationToken.None);
        return await new FgsMapper(TestOptions.Create(Samples.InvalidFolder)).MapAsync(delivery, Samples.InvalidFolder, store ?? new InMemoryContentStore(), CancellationToken.None);
    }
}
