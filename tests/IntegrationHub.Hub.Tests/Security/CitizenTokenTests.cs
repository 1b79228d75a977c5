using System.Net;
using System.Security.Cryptography;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Hub.Tests.Infrastructure;

namespace IntegrationHub.Hub.Tests.Security;

/// <summary>Mina Sidor reads only the timeline of the citizen its verified token names, or of a child they are guardian of.</summary>
public sealed class CitizenTokenTests(SecuredHubFactory hub) : IClassFixture<SecuredHubFactory>, IAsyncLifetime
{
    private const string M = TestEvents.Municipality;
    private const string Stranger = "198001019804";
    private HttpClient _portal = null!;

    public async Task InitializeAsync()
    {
        await hub.StoreAsync(TestEvents.Opened($"MS-{Guid.NewGuid():N}"[..12]) with { DataClassification = DataClassification.Internal },
            TestEvents.ConcerningChild($"MS-{Guid.NewGuid():N}"[..12], new DateTimeOffset(2026, 3, 3, 9, 0, 0, TimeSpan.Zero)) with { DataClassification = DataClassification.Internal });
        _portal = await hub.ClientWithKeyAsync(M, ["timeline:read"], ceiling: "confidential");
    }

    public Task DisposeAsync()
    {
        _portal.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_citizen_reads_their_own_timeline()
    {
        var response = await Timeline(TestEvents.Applicant, hub.CitizenToken(TestEvents.Applicant));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty((await response.Json()).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_guardian_reads_their_childs_timeline()
    {
        var response = await Timeline(TestEvents.Child, hub.CitizenToken(TestEvents.Applicant, TestEvents.Child));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty((await response.Json()).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Someone_elses_timeline_is_refused_naming_the_rule()
    {
        var response = await Timeline(TestEvents.Child, hub.CitizenToken(Stranger));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(("personnummer", "citizen"), (await response.Json()).Errors());
    }

    [Fact]
    public async Task Without_a_citizen_token_the_portal_reads_nothing()
    {
        var response = await Timeline(TestEvents.Applicant, null);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(("X-Citizen-Token", "citizenToken"), (await response.Json()).Errors());
    }

    [Fact]
    public async Task An_expired_forged_overlong_or_foreign_token_is_refused()
    {
        var now = hub.Clock.GetUtcNow();
        var claims = new Dictionary<string, object> { ["personnummer"] = TestEvents.Applicant };
        using var forger = RSA.Create(2048);
        var tokens = new[]
        {
            hub.MinaSidor.Mint(SecuredHubFactory.CitizenAudience, now.AddHours(-2), TimeSpan.FromMinutes(5), claims),
            hub.MinaSidor.Mint(SecuredHubFactory.CitizenAudience, now, TimeSpan.FromMinutes(5), claims, signWith: forger),
            hub.MinaSidor.Mint(SecuredHubFactory.CitizenAudience, now, TimeSpan.FromHours(8), claims),
            hub.MinaSidor.Mint("another-audience", now, TimeSpan.FromMinutes(5), claims),
            hub.MinaSidor.Mint(SecuredHubFactory.CitizenAudience, now, TimeSpan.FromMinutes(5), claims, issuer: "https://elsewhere.example"),
            hub.MinaSidor.Mint(SecuredHubFactory.CitizenAudience, now, TimeSpan.FromMinutes(5), new Dictionary<string, object> { ["personnummer"] = "191212121213" }),
            "not.a.token",
        };
        foreach (var token in tokens)
        {
            var response = await Timeline(TestEvents.Applicant, token);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains(("X-Citizen-Token", "citizenToken"), (await response.Json()).Errors());
        }
    }

    [Fact]
    public async Task The_citizens_own_notification_choice_needs_their_token_too()
    {
        var other = await _portal.SendAsync(Request(HttpMethod.Get, $"/api/v1/people/{Stranger}/notifications?municipality={M}", hub.CitizenToken(TestEvents.Applicant)));
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        var own = await _portal.SendAsync(Request(HttpMethod.Get, $"/api/v1/people/{TestEvents.Applicant}/notifications?municipality={M}", hub.CitizenToken(TestEvents.Applicant)));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task A_contact_centre_key_reads_any_persons_timeline_without_a_citizen_token()
    {
        using var dinaSidor = await hub.ClientWithKeyAsync(M, ["cases:read"], ceiling: "internal");
        Assert.Equal(HttpStatusCode.OK, (await dinaSidor.GetAsync($"/api/v1/people/{TestEvents.Child}/events?municipality={M}")).StatusCode);
    }

    private Task<HttpResponseMessage> Timeline(string personnummer, string? token) =>
        _portal.SendAsync(Request(HttpMethod.Get, $"/api/v1/people/{personnummer}/events?municipality={M}", token));

    private static HttpRequestMessage Request(HttpMethod method, string url, string? token)
    {
        var request = new HttpRequestMessage(method, url);
        if (token is not null)
        {
            request.Headers.Add("X-Citizen-Token", token);
        }

        return request;
    }
}
