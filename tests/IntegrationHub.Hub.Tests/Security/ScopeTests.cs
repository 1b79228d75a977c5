using System.Net;
using System.Text;
using IntegrationHub.Hub.Tests.Infrastructure;

namespace IntegrationHub.Hub.Tests.Security;

/// <summary>Each API needs its scope: a key with every other scope (but admin) is refused with 403 naming the one missing.</summary>
public sealed class ScopeTests(SecuredHubFactory hub) : IClassFixture<SecuredHubFactory>
{
    private const string M = TestEvents.Municipality;

    private static readonly string[] AllButAdmin =
        ["events:write", "feed:read", "subscriptions:manage", "cases:read", "timeline:read", "diary:read", "registrator", "statistics:read"];

    public static TheoryData<string, string, string> Calls() => new()
    {
        { "POST", "/api/v1/events", "events:write" },
        { "GET", $"/api/v1/events?municipality={M}", "feed:read" },
        { "GET", $"/api/v1/cases?municipality={M}&caseNumber=X", "cases:read" },
        { "GET", "/api/v1/cases/0193a3c5-0000-7000-8000-000000000001", "cases:read" },
        { "GET", "/api/v1/cases/0193a3c5-0000-7000-8000-000000000001/events", "cases:read" },
        { "POST", "/api/v1/cases/0193a3c5-0000-7000-8000-000000000001/links", "registrator" },
        { "GET", $"/api/v1/diary?municipality={M}", "diary:read" },
        { "GET", $"/api/v1/diary.csv?municipality={M}", "diary:read" },
        { "GET", "/api/v1/diary/registrations/0193a3c5-0000-7000-8000-000000000001", "diary:read" },
        { "POST", "/api/v1/diary/registrations/0193a3c5-0000-7000-8000-000000000001/corrections", "registrator" },
        { "POST", "/api/v1/diary/registrations/0193a3c5-0000-7000-8000-000000000001/annulment", "registrator" },
        { "GET", $"/api/v1/diary/conflicts?municipality={M}", "registrator" },
        { "GET", $"/api/v1/registrator/inbox?municipality={M}", "registrator" },
        { "POST", "/api/v1/registrator/inbox/1/confirm", "registrator" },
        { "GET", $"/api/v1/statistics?municipality={M}", "statistics:read" },
        { "GET", $"/api/v1/statistics.csv?municipality={M}", "statistics:read" },
        { "POST", "/api/v1/subscriptions", "subscriptions:manage" },
        { "GET", $"/api/v1/subscriptions?municipality={M}", "subscriptions:manage" },
        { "GET", "/api/v1/subscriptions/0193a3c5-0000-7000-8000-000000000001/events", "feed:read" },
        { "GET", "/api/v1/subscriptions/0193a3c5-0000-7000-8000-000000000001/delivery", "subscriptions:manage" },
        { "GET", "/api/v1/dead-letters", "admin" },
        { "GET", "/api/v1/adapters", "admin" },
        { "GET", "/api/v1/keys", "admin" },
        { "POST", "/api/v1/keys", "admin" },
        { "GET", "/api/v1/audit", "admin" },
        { "POST", "/api/v1/exports/fgs", "registrator" },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task A_call_without_its_scope_is_refused_naming_the_scope(string method, string url, string scope)
    {
        using var client = await hub.ClientWithKeyAsync(M, [.. AllButAdmin.Where(s => s != scope)], scope == "events:write" ? null : ["edp-future"]);
        var response = await Send(client, method, url);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Json();
        Assert.Contains(("scope", "scope"), problem.Errors());
        Assert.Equal(scope, problem.GetProperty("requiredScope").GetString());
    }

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task A_call_with_only_its_scope_gets_past_authorization(string method, string url, string scope)
    {
        using var client = await hub.ClientWithKeyAsync(M, [scope], scope is "events:write" or "admin" ? ["edp-future"] : null);
        var response = await Send(client, method, url);
        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        // A municipality's administrator is refused installation-wide things (dead letters) by tenancy, not by scope.
        if (response.StatusCode == HttpStatusCode.Forbidden)
        {
            Assert.DoesNotContain(("scope", "scope"), (await response.Json()).Errors());
        }
    }

    [Fact]
    public async Task The_timeline_needs_cases_read_or_timeline_read()
    {
        using var client = await hub.ClientWithKeyAsync(M, ["feed:read"]);
        var response = await client.GetAsync($"/api/v1/people/{TestEvents.Applicant}/events?municipality={M}");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("cases:read or timeline:read", (await response.Json()).GetProperty("requiredScope").GetString());
    }

    [Fact]
    public async Task Contents_need_registrator_or_cases_read()
    {
        using var client = await hub.ClientWithKeyAsync(M, ["feed:read", "diary:read"]);
        var response = await client.GetAsync($"/api/v1/contents/{new string('a', 64)}");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(("scope", "scope"), (await response.Json()).Errors());
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string method, string url) =>
        client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url)
        {
            Content = method == "POST" ? new StringContent("{}", Encoding.UTF8, url.EndsWith("/events", StringComparison.Ordinal) ? "application/cloudevents+json" : "application/json") : null,
        });
}
