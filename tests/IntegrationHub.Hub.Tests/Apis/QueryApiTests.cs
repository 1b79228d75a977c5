using System.Net;
using System.Text.Json;
using IntegrationHub.Hub.Tests.Infrastructure;

namespace IntegrationHub.Hub.Tests.Apis;

public sealed class QueryApiTests(HubFactory hub) : IClassFixture<HubFactory>
{
    private readonly HttpClient _client = hub.CreateClient();

    private async Task<JsonElement> WaitForCase(string sourceSystem, string sourceCaseId, int events = 1) =>
        await Eventually.Get<JsonElement>(async () =>
        {
            var found = await (await _client.GetAsync($"/api/v1/cases?municipality=2281&sourceSystem={sourceSystem}&sourceCaseId={sourceCaseId}")).Json();
            if (found.GetArrayLength() == 0)
            {
                return null;
            }

            var timeline = await (await _client.GetAsync($"/api/v1/cases/{found[0].GetProperty("id").GetString()}/events")).Json();
            return timeline.GetArrayLength() >= events ? found[0] : null;
        }, $"case {sourceCaseId} with {events} event(s)");

    [Fact]
    public async Task Pipeline_OpenedThenStatusChanged_BuildsOneCaseWithTimelineOldestFirst()
    {
        var later = DateTimeOffset.Parse("2026-03-05T13:00:00+01:00", null);
        await _client.PostEvent(TestEvents.Json(TestEvents.StatusChanged("ER-2001", later)));
        await _client.PostEvent(TestEvents.Json(TestEvents.Opened("ER-2001")));

        await WaitForCase("edp-future", "ER-2001", events: 2);
        var found = (await (await _client.GetAsync("/api/v1/cases?municipality=2281&sourceSystem=edp-future&sourceCaseId=ER-2001")).Json())[0];

        Assert.Equal("Ansökan om anslutning till kommunalt vatten och avlopp", found.GetProperty("title").GetString());
        Assert.Equal("Under behandling", found.GetProperty("sourceStatus").GetString());
        Assert.Equal("Öppet", found.GetProperty("status").GetString());
        Assert.Equal("confidential", found.GetProperty("classification").GetString());
        var id = found.GetProperty("id").GetString();
        var single = await (await _client.GetAsync($"/api/v1/cases/{id}")).Json();
        Assert.Equal("VA-ER-2001", single.GetProperty("case").GetProperty("caseNumber").GetString());
        var timeline = (await (await _client.GetAsync($"/api/v1/cases/{id}/events")).Json()).EnumerateArray().ToList();
        Assert.Equal(["se.sambruk.case.opened", "se.sambruk.case.status-changed"], timeline.Select(t => t.GetProperty("event").GetProperty("type").GetString()));
        Assert.All(timeline, t => Assert.Equal(id, t.GetProperty("caseId").GetString()));
        var byNumber = await (await _client.GetAsync("/api/v1/cases?municipality=2281&caseNumber=VA-ER-2001")).Json();
        Assert.Equal(id, byNumber[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task PersonTimeline_ShowsCaseEventsNewestFirst_AndTheChildSeesEventsThatConcernIt()
    {
        var opened = DateTimeOffset.Parse("2026-04-01T08:00:00+02:00", null);
        await _client.PostEvent(TestEvents.Json(TestEvents.ConcerningChild("OEP-3001", opened)));
        await _client.PostEvent(TestEvents.Json(TestEvents.StatusChanged("OEP-3001", opened.AddDays(3)) with
        {
            Source = "urn:integrationhub:open-eplatform:2281",
            Data = TestEvents.StatusChanged("OEP-3001", opened.AddDays(3)).Data with
            {
                Case = new() { SourceSystem = "open-eplatform", SourceCaseId = "OEP-3001" },
            },
        }));
        await WaitForCase("open-eplatform", "OEP-3001", events: 2);

        var guardian = await (await _client.GetAsync($"/api/v1/people/{TestEvents.Applicant}/events?municipality=2281&pageSize=200")).Json();
        var guardianCase = guardian.GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("event"))
            .Where(e => e.GetProperty("data").GetProperty("case").GetProperty("sourceCaseId").GetString() == "OEP-3001")
            .Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Equal(["se.sambruk.case.status-changed", "se.sambruk.case.opened"], guardianCase);

        var child = await (await _client.GetAsync($"/api/v1/people/{TestEvents.Child}/events?municipality=2281")).Json();
        Assert.Contains(child.GetProperty("items").EnumerateArray(), i => i.GetProperty("event").GetProperty("type").GetString() == "se.sambruk.case.opened");

        var otherMunicipality = await (await _client.GetAsync($"/api/v1/people/{TestEvents.Applicant}/events?municipality=0180")).Json();
        Assert.Equal(0, otherMunicipality.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task PersonTimeline_PagesNewestFirst()
    {
        var start = DateTimeOffset.Parse("2025-01-10T08:00:00+01:00", null);
        var person = "190101019800";
        for (var i = 0; i < 5; i++)
        {
            var e = TestEvents.Opened($"PG-{i}", occurredAt: start.AddDays(i));
            await _client.PostEvent(TestEvents.Json(e with { Data = e.Data with { Parties = [new() { Role = Canonical.Model.PartyRole.Applicant, Identity = new(Canonical.Model.IdentityType.Personnummer, person) }] } }));
        }

        await WaitForCase("edp-future", "PG-4");
        var first = await (await _client.GetAsync($"/api/v1/people/{person}/events?municipality=2281&page=1&pageSize=2")).Json();
        var second = await (await _client.GetAsync($"/api/v1/people/{person}/events?municipality=2281&page=2&pageSize=2")).Json();

        static IEnumerable<string?> Cases(JsonElement page) => page.GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("event").GetProperty("data").GetProperty("case").GetProperty("sourceCaseId").GetString());
        Assert.Equal(["PG-4", "PG-3"], Cases(first));
        Assert.Equal(["PG-2", "PG-1"], Cases(second));
    }

    [Theory]
    [InlineData("/api/v1/cases?caseNumber=X", "municipality", "required")]
    [InlineData("/api/v1/cases?municipality=228&caseNumber=X", "municipality", "pattern")]
    [InlineData("/api/v1/cases?municipality=2281", "caseNumber", "required")]
    [InlineData("/api/v1/cases?municipality=2281&sourceCaseId=X", "sourceSystem", "required")]
    [InlineData("/api/v1/events?limit=0", "limit", "range")]
    [InlineData("/api/v1/events?after=-1", "after", "minimum")]
    [InlineData("/api/v1/people/191212121213/events?municipality=2281", "personnummer", "personnummer")]
    [InlineData("/api/v1/people/191212121212/events", "municipality", "required")]
    [InlineData("/api/v1/people/191212121212/events?municipality=2281&pageSize=500", "pageSize", "range")]
    public async Task Query_BadParameter_Returns400NamingTheParameterAndRule(string url, string parameter, string rule)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains((parameter, rule), (await response.Json()).Errors());
    }

    [Fact]
    public async Task Query_UnknownCase_Returns404Problem()
    {
        var response = await _client.GetAsync($"/api/v1/cases/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Health_And_OpenApi_AreServed()
    {
        var health = await _client.GetAsync("/health");
        var openApi = await (await _client.GetAsync("/openapi/v1.json")).Json();

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("healthy", (await health.Json()).GetProperty("status").GetString());
        var paths = openApi.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/events", paths);
        Assert.Contains("/api/v1/people/{personnummer}/events", paths);
    }
}
