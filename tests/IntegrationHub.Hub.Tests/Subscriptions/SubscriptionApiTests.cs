using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Hub.Tests.Infrastructure;

namespace IntegrationHub.Hub.Tests.Subscriptions;

/// <summary>On the embedded SQLite default.</summary>
public sealed class SubscriptionApiTests(HubFactory hub) : SubscriptionApiContract(hub), IClassFixture<HubFactory>;

/// <summary>On PostgreSQL.</summary>
public sealed class PostgreSqlSubscriptionApiTests(PostgreSqlHubFactory hub) : SubscriptionApiContract(hub), IClassFixture<PostgreSqlHubFactory>;

/// <summary>Subscriptions: create, change, pause, delete; filters and the classification ceiling in the feed.</summary>
public abstract class SubscriptionApiContract(HubFactory hub)
{
    private readonly HttpClient _client = hub.CreateClient();

    private async Task<JsonElement> Subscribe(object body)
    {
        var response = await _client.PostAsJsonAsync("/api/v1/subscriptions", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Json();
    }

    private async Task<List<JsonElement>> Feed(string id, long after = 0) =>
        [.. (await (await _client.GetAsync($"/api/v1/subscriptions/{id}/events?after={after}")).Json()).GetProperty("items").EnumerateArray()];

    [Fact]
    public async Task Feed_ServesOnlyMatchingEventsOfItsMunicipality_AtOrBelowTheCeiling_IncludingLaterEventsOfAMatchingCase()
    {
        var vatten = new Scenario(_client, "edp-future", "SUB-1", "va-anslutning");
        var bygg = new Scenario(_client, "edp-future", "SUB-2", "bygglov");
        var timra = new Scenario(_client, "edp-future", "SUB-3", "va-anslutning", municipality: "2262");
        var subscription = await Subscribe(new
        {
            municipality = "2281", name = "Mina Sidor VA", startFrom = "beginning",
            filter = new { caseTypes = new[] { "va-anslutning" }, classificationCeiling = "internal" },
        });
        var id = subscription.GetProperty("id").GetString()!;

        await vatten.Post(vatten.Event(CaseEventTypes.Opened, "Din ansökan har kommit in"));
        await vatten.Post(vatten.Event(CaseEventTypes.StatusChanged, "Din ansökan handläggs nu", change: d => d with { Case = d.Case with { CaseType = null } }));
        var secret = vatten.Event(CaseEventTypes.StatusChanged, "Sekretessbelagd uppgift") with { DataClassification = DataClassification.Confidential };
        await vatten.Post(secret);
        await bygg.Post(bygg.Event(CaseEventTypes.Opened, "Din bygglovsansökan har kommit in"));
        await timra.Post(timra.Event(CaseEventTypes.Opened, "Din ansökan har kommit in"));

        var feed = await Feed(id);

        Assert.Equal(["Din ansökan har kommit in", "Din ansökan handläggs nu"],
            feed.Select(i => i.GetProperty("event").GetProperty("data").GetProperty("event").GetProperty("headline").GetString()));
        Assert.All(feed, i => Assert.Equal("2281", i.GetProperty("event").GetProperty("municipality").GetString()));
    }

    [Fact]
    public async Task Subscription_StartingNow_SkipsHistory_AndTheCursorContinuesFromLastSequence()
    {
        var before = new Scenario(_client, "platina", "SUB-10", "medborgarforslag");
        await before.Post(before.Event(CaseEventTypes.Opened, "Före prenumerationen"));
        var id = (await Subscribe(new { municipality = "2281", name = "Statistik", filter = new { classificationCeiling = "internal" } })).GetProperty("id").GetString()!;
        var after = new Scenario(_client, "platina", "SUB-11", "medborgarforslag");
        await after.Post(after.Event(CaseEventTypes.Opened, "Efter prenumerationen"), after.Event(CaseEventTypes.Closed, "Avslutat"));

        var first = await (await _client.GetAsync($"/api/v1/subscriptions/{id}/events?limit=1")).Json();
        var next = await (await _client.GetAsync($"/api/v1/subscriptions/{id}/events?after={first.GetProperty("lastSequence").GetInt64()}")).Json();

        Assert.Equal("Efter prenumerationen", first.GetProperty("items")[0].GetProperty("event").GetProperty("data").GetProperty("event").GetProperty("headline").GetString());
        Assert.Contains(next.GetProperty("items").EnumerateArray(), i => i.GetProperty("event").GetProperty("type").GetString() == CaseEventTypes.Closed);
        Assert.DoesNotContain(next.GetProperty("items").EnumerateArray(), i => i.GetProperty("event").GetProperty("data").GetProperty("case").GetProperty("sourceCaseId").GetString() == "SUB-10");
    }

    [Fact]
    public async Task Subscription_ChangedPausedResumedAndDeleted_WithOptimisticVersions()
    {
        var created = await Subscribe(new { municipality = "2281", name = "Dina Sidor", filter = new { eventTypes = new[] { CaseEventTypes.Opened } } });
        var id = created.GetProperty("id").GetString();
        Assert.Equal("public", created.GetProperty("filter").GetProperty("classificationCeiling").GetString());

        var changed = await _client.PutAsJsonAsync($"/api/v1/subscriptions/{id}", new { name = "Dina Sidor KC", filter = new { units = new[] { "kc" } }, version = 1 });
        var stale = await _client.PutAsJsonAsync($"/api/v1/subscriptions/{id}", new { name = "Gammal", version = 1 });
        var paused = await _client.PostAsync($"/api/v1/subscriptions/{id}/pause", null);
        var resumed = await _client.PostAsync($"/api/v1/subscriptions/{id}/resume", null);
        var listed = await (await _client.GetAsync("/api/v1/subscriptions?municipality=2281")).Json();
        var deleted = await _client.DeleteAsync($"/api/v1/subscriptions/{id}");
        var gone = await _client.GetAsync($"/api/v1/subscriptions/{id}");

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(2, (await changed.Json()).GetProperty("version").GetInt32());
        Assert.Equal(["kc"], (await changed.Json()).GetProperty("filter").GetProperty("units").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("Paused", (await paused.Json()).GetProperty("status").GetString());
        Assert.Equal("Active", (await resumed.Json()).GetProperty("status").GetString());
        Assert.Contains(listed.EnumerateArray(), s => s.GetProperty("id").GetString() == id);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    public static TheoryData<string, string, string> BadRequests() => new()
    {
        { """{"name":"x"}""", "/municipality", "required" },
        { """{"municipality":"22","name":"x"}""", "/municipality", "pattern" },
        { """{"municipality":"2281"}""", "/name", "required" },
        { """{"municipality":"2281","name":"x","filter":{"eventTypes":["se.sambruk.case.opened","case.opened"]}}""", "/filter/eventTypes/1", "enum" },
        { """{"municipality":"2281","name":"x","filter":{"caseTypes":["Bygglov"]}}""", "/filter/caseTypes/0", "pattern" },
        { """{"municipality":"2281","name":"x","filter":{"classificationCeiling":"topsecret"}}""", "/filter/classificationCeiling", "type" },
        { """{"municipality":"2281","name":"x","startFrom":"yesterday"}""", "/startFrom", "enum" },
        { """{"municipality":"2281","name":"x","startFrom":"now","startAfterSequence":3}""", "/startFrom", "oneOf" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Create_WithBadInput_Returns400NamingTheFieldAndRule(string body, string field, string rule)
    {
        var response = await _client.PostAsync("/api/v1/subscriptions", Http.Body(System.Text.Encoding.UTF8.GetBytes(body), "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains((field, rule), (await response.Json()).Errors());
    }
}
