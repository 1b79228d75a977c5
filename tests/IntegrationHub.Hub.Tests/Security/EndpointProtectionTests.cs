using System.Net;
using System.Text;
using IntegrationHub.Hub.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Hub.Tests.Security;

/// <summary>Every endpoint the host maps, found from its routing table rather than listed by hand, refuses an anonymous caller.</summary>
public sealed class EndpointProtectionTests(SecuredHubFactory hub) : IClassFixture<SecuredHubFactory>
{
    // Open on purpose: liveness, the API description, the page shell (it holds no data) and pushed submissions (signed per instance).
    private static readonly HashSet<string> Anonymous =
    [
        "GET /health", "GET /openapi/{documentName}.json", "GET /registrator", "GET /registrator/{file}",
        "POST /api/v1/adapters/eservices/{instance}/submissions",
    ];

    [Fact]
    public void Only_the_deliberately_open_endpoints_allow_anonymous_callers()
    {
        var open = hub.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .SelectMany(e => Methods(e).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToHashSet();
        Assert.Equal(Anonymous.Order(), open.Order());
        Assert.True(Routes(hub).Count() > 50, "the routing table should hold every API");
    }

    [Fact]
    public async Task Every_other_endpoint_refuses_an_anonymous_call_with_401_naming_the_rule()
    {
        using var client = hub.CreateClient().Anonymous();
        var failures = new List<string>();
        foreach (var (method, pattern) in Routes(hub))
        {
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), Concrete(pattern))
            {
                Content = method is "GET" or "DELETE" ? null : new StringContent("{}", Encoding.UTF8, "application/json"),
            });
            if (response.StatusCode != HttpStatusCode.Unauthorized || response.Content.Headers.ContentType?.MediaType != "application/problem+json"
                || !(await response.Json()).Errors().Contains(("Authorization", "authentication")))
            {
                failures.Add($"{method} {pattern} → {(int)response.StatusCode}");
            }
        }

        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("ihub_aaaaaaaaaaaa_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb")]
    [InlineData("not-a-key")]
    [InlineData("ihub_short")]
    public async Task A_key_that_is_not_ours_is_refused_and_never_echoed(string key)
    {
        using var client = hub.CreateClient().WithKey(key);
        var response = await client.GetAsync("/api/v1/events");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(key, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(hub.Logs.Lines, m => m.Contains(key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Health_answers_without_a_key()
    {
        using var client = hub.CreateClient().Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    private static IEnumerable<(string Method, string Pattern)> Routes(SecuredHubFactory factory) =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => Methods(e).Select(m => (m, e.RoutePattern.RawText!)))
            .Where(r => !Anonymous.Contains($"{r.Item1} {r.Item2}"))
            .Distinct()
            .OrderBy(r => r.Item2, StringComparer.Ordinal).ThenBy(r => r.Item1, StringComparer.Ordinal);

    private static IEnumerable<string> Methods(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"];

    private static string Concrete(string pattern) => pattern
        .Replace("{id:guid}", "0193a3c5-0000-7000-8000-000000000001", StringComparison.Ordinal)
        .Replace("{sequence:long}", "1", StringComparison.Ordinal)
        .Replace("{id:long}", "1", StringComparison.Ordinal)
        .Replace("{personnummer}", TestEvents.Applicant, StringComparison.Ordinal)
        .Replace("{sha256}", new string('a', 64), StringComparison.Ordinal)
        .Replace("{id}", "abcdefghijkl", StringComparison.Ordinal)
        .Replace("{instance}", "x", StringComparison.Ordinal);
}
