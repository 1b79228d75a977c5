using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using IntegrationHub.Adapters.Polling;
using IntegrationHub.Hub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Hub.Tests.Fgs;

/// <summary>An FGS delivery dropped in a folder becomes hub cases; chosen cases go out again as an FGS delivery.</summary>
public sealed class FgsHubTests : IDisposable
{
    private static readonly XNamespace Fgs = "http://xml.ra.se/e-arkiv/FGS-ERMS";
    private readonly string _folder = Directory.CreateTempSubdirectory("ihub-fgs-drop-").FullName;
    private readonly MunicipalHubFactory _hub = new();
    private readonly HttpClient _client;

    public FgsHubTests()
    {
        _hub.Settings["Hub:Polling:Enabled"] = "false";
        _hub.Settings["Adapters:Fgs:platina-arkiv:Municipality"] = "2281";
        _hub.Settings["Adapters:Fgs:platina-arkiv:Folder"] = _folder;
        _hub.Settings["Adapters:Fgs:platina-arkiv:SourceSystem"] = "platina";
        _hub.Settings["Adapters:Fgs:platina-arkiv:CaseTypes:Bygglov"] = "bygglov-platina";
        // Platina's diary is authoritative for these cases: the hub keeps the diarienummer the delivery gives.
        _hub.Settings["Hub:Municipalities:2281:CaseTypes:bygglov-platina:DiarySource"] = "platina";
        _client = _hub.CreateClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _hub.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task ADroppedDelivery_BecomesACaseWithItsDocuments_AndAnExportOfItIsAValidDeliveryWithTheFiles()
    {
        Drop("01-bygglov-bn-2026-0142.xml", "filer/bn-2026-0142");

        var outcome = await _hub.Services.GetRequiredService<SourcePoller>().PollAsync("fgs/platina-arkiv", CancellationToken.None);

        Assert.Null(outcome.Error);
        Assert.Equal(6, outcome.NewEvents);
        Assert.False(File.Exists(Path.Combine(_folder, "01-bygglov-bn-2026-0142.xml")), "the delivery is moved away once imported");
        Assert.NotEmpty(Directory.GetDirectories(Path.Combine(_folder, "imported")));
        var bygglov = new Scenario(_client, "platina", "BN 2026/142", "bygglov-platina");
        var caseId = await Eventually.Get(async () =>
        {
            var found = await (await _client.GetAsync("/api/v1/cases?municipality=2281&sourceSystem=platina&sourceCaseId=BN%202026%2F142")).Json();
            return found.GetArrayLength() == 1 ? Guid.Parse(found[0].GetProperty("id").GetString()!) : (Guid?)null;
        }, "the imported case");
        await Eventually.True(async () => (await bygglov.Timeline()).Count == 6, "all six events on the case");

        using var export = await _client.PostAsJsonAsync("/api/v1/exports/fgs", new { municipality = "2281", caseIds = new[] { caseId } });

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/zip", export.Content.Headers.ContentType?.MediaType);
        await using var zipStream = await export.Content.ReadAsStreamAsync();
        using var zip = new ZipArchive(zipStream, ZipArchiveMode.Read);
        var xmlEntry = Assert.Single(zip.Entries, e => e.FullName.EndsWith(".xml", StringComparison.Ordinal));
        XDocument delivery;
        await using (var xml = xmlEntry.Open())
        {
            delivery = await XDocument.LoadAsync(xml, LoadOptions.None, CancellationToken.None);
        }

        Assert.Equal(Fgs + "Leveransobjekt", delivery.Root!.Name);
        var arende = Assert.Single(delivery.Descendants(Fgs + "ArkivobjektArende"));
        Assert.Equal("BN 2026/142", arende.Element(Fgs + "ArkivobjektID")?.Value);
        var bilagor = delivery.Descendants(Fgs + "Bilaga").ToList();
        Assert.Equal(3, bilagor.Count);
        Assert.All(bilagor, b => Assert.NotNull(zip.GetEntry(((string?)b.Attribute("Lank"))!.Replace('\\', '/'))));
    }

    [Fact]
    public async Task TheExport_RefusesAMissingMunicipality_AnEmptyList_AndACaseOfNoneOfItsCases_NamingTheField()
    {
        var noMunicipality = await (await _client.PostAsJsonAsync("/api/v1/exports/fgs", new { caseIds = new[] { Guid.NewGuid() } })).Json();
        var none = await (await _client.PostAsJsonAsync("/api/v1/exports/fgs", new { municipality = "2281", caseIds = Array.Empty<Guid>() })).Json();
        using var unknownResponse = await _client.PostAsJsonAsync("/api/v1/exports/fgs", new { municipality = "2281", caseIds = new[] { Guid.NewGuid() } });
        var unknown = await unknownResponse.Json();

        Assert.Equal(HttpStatusCode.BadRequest, unknownResponse.StatusCode);
        Assert.Contains(("municipality", "pattern"), noMunicipality.Errors());
        Assert.Contains(("caseIds", "range"), none.Errors());
        Assert.Contains(("caseIds/0", "exists"), unknown.Errors());
    }

    private void Drop(string delivery, string files)
    {
        var samples = RepositoryFiles.PathOf("samples/fgs/valid");
        File.Copy(Path.Combine(samples, delivery), Path.Combine(_folder, delivery));
        var target = Path.Combine(_folder, files);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(Path.Combine(samples, files)))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        // Settled long before the hub's (fake) clock: the adapter only takes files that are no longer being written.
        foreach (var file in Directory.EnumerateFiles(_folder, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        }
    }
}
