using System.Net;
using System.Net.Http.Json;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Hub.Tests.Infrastructure;

namespace IntegrationHub.Hub.Tests.Cases;

/// <summary>One case across systems: source ids, the link API, merges, sub-cases, and never across municipalities.</summary>
public sealed class CaseCorrelationTests(MunicipalHubFactory hub) : IClassFixture<MunicipalHubFactory>
{
    private readonly HttpClient _client = hub.CreateClient();

    [Fact]
    public async Task EventNamingTheHubCase_JoinsItsSourceIdToThatCase()
    {
        var eService = new Scenario(_client, "open-eplatform", "OEP-5001", "va-anslutning");
        await eService.Post(eService.Event(CaseEventTypes.Opened, "Din ansökan har kommit in"));
        var caseId = await eService.CaseId();
        var edp = new Scenario(_client, "edp-future", "ER-5001", "va-anslutning");

        await edp.Post(edp.Event(CaseEventTypes.StatusChanged, "Din ansökan handläggs nu",
            change: d => d with { Case = d.Case with { HubCaseId = Guid.Parse(caseId) } }));
        await edp.Post(edp.Event(CaseEventTypes.StatusChanged, "Anslutningen är klar"));

        Assert.Equal(caseId, await edp.CaseId());
        var details = await eService.Details();
        Assert.Equal(["open-eplatform/OEP-5001", "edp-future/ER-5001"],
            details.GetProperty("sourceIds").EnumerateArray().Select(s => $"{s.GetProperty("sourceSystem").GetString()}/{s.GetProperty("sourceCaseId").GetString()}"));
        Assert.Equal(3, (await eService.Timeline()).Count);
    }

    [Fact]
    public async Task LinkApi_LinksASourceIdOnceAndMergesAnotherCase()
    {
        var platina = new Scenario(_client, "platina", "PL-6001", "va-anslutning");
        await platina.Post(platina.Event(CaseEventTypes.Opened, "Ärendet är registrerat"));
        var edp = new Scenario(_client, "edp-future", "ER-6001", "va-anslutning");
        await edp.Post(edp.Event(CaseEventTypes.Opened, "Din ansökan har kommit in"));
        var survivor = await platina.CaseId();
        var merged = await edp.CaseId();

        var linked = await _client.PostAsJsonAsync($"/api/v1/cases/{survivor}/links", new { sourceSystem = "e-arkiv", sourceCaseId = "EA-1" });
        var twice = await _client.PostAsJsonAsync($"/api/v1/cases/{survivor}/links", new { sourceSystem = "e-arkiv", sourceCaseId = "EA-1" });
        var merge = await _client.PostAsJsonAsync($"/api/v1/cases/{survivor}/links", new { sourceSystem = "edp-future", sourceCaseId = "ER-6001" });

        Assert.Equal("linked", (await linked.Json()).GetProperty("outcome").GetString());
        Assert.Equal("already-linked", (await twice.Json()).GetProperty("outcome").GetString());
        Assert.Equal("merged", (await merge.Json()).GetProperty("outcome").GetString());
        Assert.Equal(survivor, await edp.CaseId());
        Assert.Equal(2, (await platina.Timeline()).Count);
        var tombstone = await (await _client.GetAsync($"/api/v1/cases/{merged}")).Json();
        Assert.Equal(survivor, tombstone.GetProperty("case").GetProperty("mergedInto").GetString());

        await edp.Post(edp.Event(CaseEventTypes.StatusChanged, "Din ansökan handläggs nu"));
        Assert.Equal(3, (await platina.Timeline()).Count);
    }

    [Fact]
    public async Task LinkApi_NeverJoinsTwoMunicipalities()
    {
        var sundsvall = new Scenario(_client, "platina", "PL-7001", "va-anslutning");
        await sundsvall.Post(sundsvall.Event(CaseEventTypes.Opened, "Ärendet är registrerat"));
        var timra = new Scenario(_client, "platina", "PL-7001", "va-anslutning", municipality: "2262");
        await timra.Post(timra.Event(CaseEventTypes.Opened, "Ärendet är registrerat"));
        var sundsvallCase = await sundsvall.CaseId();
        var timraCase = (await (await _client.GetAsync("/api/v1/cases?municipality=2262&sourceSystem=platina&sourceCaseId=PL-7001")).Json())[0].GetProperty("id").GetString();

        var byCase = await _client.PostAsJsonAsync($"/api/v1/cases/{sundsvallCase}/links", new { caseId = timraCase });
        var byMunicipality = await _client.PostAsJsonAsync($"/api/v1/cases/{sundsvallCase}/links", new { sourceSystem = "edp-future", sourceCaseId = "X-1", municipality = "2262" });
        var missing = await _client.PostAsJsonAsync($"/api/v1/cases/{sundsvallCase}/links", new { sourceCaseId = "X-1" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, byCase.StatusCode);
        Assert.Equal("same-municipality", (await byCase.Json()).GetProperty("rule").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, byMunicipality.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains(("sourceSystem", "pattern"), (await missing.Json()).Errors());
        Assert.NotEqual(sundsvallCase, timraCase);
    }

    [Fact]
    public async Task MainCaseTimeline_IncludesItsSubCases()
    {
        var main = new Scenario(_client, "platina", "KS-8001", "medborgarforslag");
        await main.Post(main.Event(CaseEventTypes.Opened, "Ditt medborgarförslag har kommit in",
            change: d => d with { Case = d.Case with { CaseNumber = "KS 2026/8001" } }));
        var sub = new Scenario(_client, "platina", "TN-8002", "medborgarforslag");
        await sub.Post(sub.Event(CaseEventTypes.Opened, "Förslaget bereds av tekniska nämnden",
            change: d => d with { Case = d.Case with { CaseNumber = "TN 2026/8002", MainCaseNumber = "KS 2026/8001" } }));

        var own = await main.Timeline();
        var all = await main.Timeline(includeSubCases: true);

        Assert.Single(own);
        Assert.Equal(2, all.Count);
        Assert.Contains(await sub.CaseId(), (await main.Details()).GetProperty("subCases").EnumerateArray().Select(s => s.GetString()));
    }
}
