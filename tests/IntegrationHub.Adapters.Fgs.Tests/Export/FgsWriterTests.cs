using System.Xml.Linq;
using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Adapters.Fgs.Export;
using IntegrationHub.Adapters.Fgs.Mapping;
using IntegrationHub.Adapters.Fgs.Model;
using IntegrationHub.Adapters.Fgs.Reading;
using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Adapters.Fgs.Tests.Export;

/// <summary>Hub cases written as an FGS delivery come back the same through the reader, files and checksums included.</summary>
public sealed class FgsWriterTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TempFolder _temp = new();
    private readonly InMemoryContentStore _store = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>What the hub would know of a case after importing a sample: its snapshot, built from the mapped events.</summary>
    private async Task<CaseSnapshot> SnapshotOfSampleAsync(string sample)
    {
        var delivery = await new FgsReader().ReadFileAsync(Samples.Valid(sample), None);
        var events = (await new FgsMapper(TestOptions.Create()).MapAsync(delivery, Samples.ValidFolder, _store, None)).Events;
        var opened = events[0];
        return new CaseSnapshot(
            Guid.Parse("0b7d1f52-3c4e-4a51-8f0e-6d2b9c1a7e40"),
            "2281",
            [new SourceCaseRef("platina", opened.Data.Case.SourceCaseId)],
            opened.Data.Case.Title,
            opened.Data.Case.CaseType,
            opened.Data.Case.Diarienummer?.Value,
            events.Any(e => e.Type == CaseEventTypes.Closed) ? "Avslutat" : "Öppet",
            opened.Data.Event.OccurredAt,
            events.Max(e => e.DataClassification),
            opened.Data.Parties ?? [],
            [.. events.Where(e => e.Data.Document is not null).Select(e => e.Data.Document!)]);
    }

    [Fact]
    public async Task AWrittenDelivery_ReadsBackWithTheSameCaseDocumentsAndFiles()
    {
        var snapshot = await SnapshotOfSampleAsync("01-bygglov-bn-2026-0142.xml");
        var output = Path.Combine(_temp.Path, "till-e-arkiv");

        var xml = await FgsExport.WriteAsync([snapshot], _store, output, new FgsExportOptions(), None);

        Assert.Equal(Path.Combine(output, "leveransobjekt.xml"), xml);
        var delivery = await new FgsReader().ReadFileAsync(xml, None);
        var fgsCase = Assert.Single(delivery.Cases);
        Assert.Equal(("BN 2026/142", snapshot.Title, "bygglov", CaseStatus.Closed), (fgsCase.Id, fgsCase.Title, fgsCase.CaseType, fgsCase.Status!.Value));
        Assert.Equal(snapshot.CaseId.ToString(), fgsCase.SystemId);
        Assert.Equal(new FgsExtraId("BN 2026/142", "platina"), Assert.Single(fgsCase.ExtraIds));
        Assert.Equal("2026-02-03T09:12:44", fgsCase.Created!.Text);
        Assert.Equal(("Tolvan Tolvansson", "191212121212"), (Assert.Single(fgsCase.Counterparts).Name, fgsCase.Counterparts[0].IdNumber!.Value));
        Assert.Equal(RestrictionType.Integritet, Assert.Single(fgsCase.Restrictions).Type);

        Assert.Equal(snapshot.Documents.Select(d => d.DocumentId), fgsCase.Documents.Select(d => d.Id));
        Assert.Equal(snapshot.Documents.Select(d => d.Title), fgsCase.Documents.Select(d => d.Title));
        Assert.Equal([FgsDocumentStatus.Received, FgsDocumentStatus.Received, FgsDocumentStatus.Sent], fgsCase.Documents.Select(d => d.Status!.Value));
        Assert.Equal("2026-03-18T14:05:00", fgsCase.Documents[2].Sent!.Text);
        Assert.Equal("Tolvan Tolvansson", Assert.Single(fgsCase.Documents[2].Recipients).Name);
        var bilaga = Assert.Single(fgsCase.Documents[0].Attachments);
        var original = snapshot.Documents[0].Attachments![0];
        Assert.Equal(("Ansökan om bygglov.pdf", "filer/Ansökan_om_bygglov.pdf", original.Size, "application/pdf", original.Sha256, "SHA-256"),
            (bilaga.Name, bilaga.Link, bilaga.Size!.Value, bilaga.MediaType, bilaga.Checksum, bilaga.ChecksumMethod));
        Assert.Equal(_store.Contents[original.Sha256].Content.ToArray(), await File.ReadAllBytesAsync(Path.Combine(output, bilaga.Link)));
        Assert.False(File.Exists(xml + ".part"));
    }

    [Fact]
    public async Task AWrittenDelivery_CanBeImportedAgain_GivingTheSameDocuments()
    {
        var snapshot = await SnapshotOfSampleAsync("01-bygglov-bn-2026-0142.xml");
        var output = Path.Combine(_temp.Path, "ut");
        var xml = await FgsExport.WriteAsync([snapshot], _store, output, new FgsExportOptions(), None);

        var delivery = await new FgsReader().ReadFileAsync(xml, None);
        var again = (await new FgsMapper(TestOptions.Create(output)).MapAsync(delivery, output, new InMemoryContentStore(), None)).Events;

        Assert.All(again, SchemaAssert.Valid);
        var documents = again.Where(e => e.Data.Document is not null).Select(e => e.Data.Document!).ToList();
        Assert.Equal(snapshot.Documents.Select(d => (d.Title, d.Direction, d.Date, d.RunningNumber)), documents.Select(d => (d.Title, d.Direction, d.Date, d.RunningNumber)));
        Assert.Equal(snapshot.Documents.SelectMany(d => d.Attachments ?? []).Select(a => a.Sha256), documents.SelectMany(d => d.Attachments ?? []).Select(a => a.Sha256));
    }

    [Fact]
    public async Task ARestrictedCase_IsWrittenWithASekretessRestrictionOnCaseAndDocuments()
    {
        var snapshot = await SnapshotOfSampleAsync("02-ks-2026-0088-sekretess.xml");

        var xml = await FgsExport.WriteAsync([snapshot], _store, _temp.Path, new FgsExportOptions { FileName = "ks.xml" }, None);

        var fgsCase = Assert.Single((await new FgsReader().ReadFileAsync(xml, None)).Cases);
        Assert.Equal(RestrictionType.Sekretess, Assert.Single(fgsCase.Restrictions).Type);
        Assert.All(fgsCase.Documents, d => Assert.Equal(RestrictionType.Sekretess, Assert.Single(d.Restrictions).Type));
        Assert.Equal(CaseStatus.Open, fgsCase.Status);
        Assert.Contains(fgsCase.Agents, a => a.Role == "Ombud" && a.Name == "Advokatbyrån Exempel AB");
    }

    [Fact]
    public async Task Elements_FollowTheOrderOfTheFgsSchema()
    {
        var snapshot = await SnapshotOfSampleAsync("01-bygglov-bn-2026-0142.xml");
        var xml = await FgsExport.WriteAsync([snapshot], _store, _temp.Path, new FgsExportOptions(), None);

        var ns = XNamespace.Get(FgsNames.NamespaceUri);
        var arende = XDocument.Load(xml).Root!.Element(ns + "ArkivobjektListaArenden")!.Element(ns + "ArkivobjektArende")!;
        Assert.Equal(
            ["ArkivobjektID", "Informationsklass", "ExtraID", "ArendeTyp", "Restriktion", "Motpart", "Skapad", "StatusArande", "Arendemening", "ArkivobjektListaHandlingar"],
            arende.Elements().Select(e => e.Name.LocalName));
        var handling = arende.Element(ns + "ArkivobjektListaHandlingar")!.Elements().Last();
        Assert.Equal(
            ["ArkivobjektID", "Informationsklass", "Handlingstyp", "Expedierad", "Lopnummer", "Mottagare", "Rubrik", "StatusHandling", "Restriktion", "Bilaga"],
            handling.Elements().Select(e => e.Name.LocalName));
    }

    [Fact]
    public async Task TwoDifferentFilesWithOneName_GetTwoFileNames()
    {
        var a = await _store.PutAsync("första"u8.ToArray(), "text/plain", None);
        var b = await _store.PutAsync("andra"u8.ToArray(), "text/plain", None);
        var date = new DateTimeOffset(2026, 5, 4, 10, 0, 0, TimeSpan.FromHours(2));
        Document Doc(string id, StoredContent content) => new()
        {
            DocumentId = id,
            Direction = DocumentDirection.Incoming,
            Title = "Skrivelse",
            Date = date,
            Attachments = [new Attachment("skrivelse.txt", "text/plain", content.Size, content.Sha256, content.Reference)],
        };
        var snapshot = new CaseSnapshot(Guid.NewGuid(), "2281", [], "Två skrivelser", null, "KS 2026/300", "Öppet", date,
            DataClassification.Internal, [], [Doc("KS 2026/300-1", a), Doc("KS 2026/300-2", b)]);

        var xml = await FgsExport.WriteAsync([snapshot], _store, _temp.Path, new FgsExportOptions(), None);

        var links = (await new FgsReader().ReadFileAsync(xml, None)).Cases[0].Documents.Select(d => d.Attachments[0].Link).ToList();
        Assert.Equal(["filer/skrivelse.txt", $"filer/skrivelse-{b.Sha256[..12]}.txt"], links);
        Assert.Empty((await new FgsReader().ReadFileAsync(xml, None)).Cases[0].Restrictions);
    }

    [Fact]
    public async Task AFileMissingFromTheContentStore_StopsTheExport()
    {
        var date = new DateTimeOffset(2026, 5, 4, 10, 0, 0, TimeSpan.FromHours(2));
        var snapshot = new CaseSnapshot(Guid.NewGuid(), "2281", [], "Saknad fil", null, "KS 2026/301", null, date, DataClassification.Internal, [],
            [new Document { Direction = DocumentDirection.Incoming, Title = "Skrivelse", Date = date, Attachments = [new Attachment("x.pdf", "application/pdf", 1, new string('a', 64), "/x")] }]);

        var error = await Assert.ThrowsAsync<FgsExportException>(() => FgsExport.WriteAsync([snapshot], _store, _temp.Path, new FgsExportOptions(), None));

        Assert.Contains(new string('a', 64), error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_temp.Path, "leveransobjekt.xml")));
    }
}
