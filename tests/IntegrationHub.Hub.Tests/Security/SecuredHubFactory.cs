using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationHub.Hub.Tests.Infrastructure;

namespace IntegrationHub.Hub.Tests.Security;

/// <summary>
/// A hub serving two municipalities (Sundsvall 2281 and Stockholm 0180) with people signing in through an OpenID
/// Connect issuer (WireMock on loopback) and Mina Sidor asserting citizens in tokens signed by its own key (a JWKS file).
/// </summary>
public sealed class SecuredHubFactory : MunicipalHubFactory
{
    public const string Other = "0180";
    public const string StaffAudience = "integrationhub";
    public const string CitizenAudience = "integrationhub-mina-sidor";

    public SecuredHubFactory()
    {
        Settings[$"Hub:Municipalities:{Other}:Name"] = "Stockholms stad";
        Settings[$"Hub:Municipalities:{Other}:Diaries:KS:Name"] = "Kommunstyrelsen";
        Settings[$"Hub:Municipalities:{Other}:Diaries:KS:Format"] = "{series} {year}/{number}";
        Settings[$"Hub:Municipalities:{Other}:CaseTypes:va-anslutning:Diary"] = "KS";
        Settings["Hub:Municipalities:2281:CaseTypes:va-anslutning:Diary"] = "KS";

        const string oidc = "Hub:Security:Oidc";
        Settings[$"{oidc}:Authority"] = Staff.ServeDiscovery();
        Settings[$"{oidc}:Audience"] = StaffAudience;
        Settings[$"{oidc}:RequireHttpsMetadata"] = "false";
        Settings[$"{oidc}:Roles:ihub-registrator:Scopes:0"] = "registrator";
        Settings[$"{oidc}:Roles:ihub-registrator:Scopes:1"] = "diary:read";
        Settings[$"{oidc}:Roles:ihub-registrator:ClassificationCeiling"] = "Confidential";
        Settings[$"{oidc}:Roles:ihub-kc:Scopes:0"] = "cases:read";
        Settings[$"{oidc}:Roles:ihub-kc:ClassificationCeiling"] = "Internal";

        const string citizens = "Hub:Security:CitizenTokens";
        Settings[$"{citizens}:Issuer"] = MinaSidor.Issuer;
        Settings[$"{citizens}:Audience"] = CitizenAudience;
        Settings[$"{citizens}:JwksFile"] = MinaSidor.WriteJwksFile(DataDirectory);
    }

    /// <summary>The municipality's sign-in service for staff.</summary>
    public TokenIssuer Staff { get; } = new("staff-key-1");

    /// <summary>Mina Sidor's signing key for citizen tokens.</summary>
    public TokenIssuer MinaSidor { get; } = new("mina-sidor-key-1");

    /// <summary>A client presenting a new key with the given grant (created through the admin API).</summary>
    public async Task<HttpClient> ClientWithKeyAsync(string municipality, string[] scopes, string[]? sources = null, string ceiling = "public")
    {
        var key = await CreateKeyAsync(municipality, scopes, sources, ceiling);
        return CreateClient().WithKey(key);
    }

    /// <summary>Creates a key through the admin API and returns it.</summary>
    public async Task<string> CreateKeyAsync(string municipality, string[] scopes, string[]? sources = null, string ceiling = "public")
    {
        using var admin = CreateClient();
        var created = await admin.PostAsJsonAsync("/api/v1/keys", new { name = $"test {string.Join('+', scopes)} {municipality}", municipality, scopes, sources, classificationCeiling = ceiling });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Json()).GetProperty("key").GetString()!;
    }

    /// <summary>A staff member's token from the sign-in service.</summary>
    public string StaffToken(string subject, string name, string municipality, params string[] roles) =>
        Staff.Mint(StaffAudience, Clock.GetUtcNow(), TimeSpan.FromMinutes(30), new Dictionary<string, object>
        {
            ["sub"] = subject,
            ["name"] = name,
            ["kommunkod"] = municipality,
            ["roles"] = roles,
        });

    /// <summary>The token Mina Sidor sends for the logged-in citizen (optionally a guardian of children).</summary>
    public string CitizenToken(string personnummer, params string[] guardianOf) =>
        MinaSidor.Mint(CitizenAudience, Clock.GetUtcNow(), TimeSpan.FromMinutes(5), guardianOf.Length == 0
            ? new Dictionary<string, object> { ["personnummer"] = personnummer }
            : new Dictionary<string, object> { ["personnummer"] = personnummer, ["guardian_of"] = guardianOf });

    /// <summary>Posts events with the administrator key and waits until the pipeline stored them all.</summary>
    public async Task<JsonElement> StoreAsync(params Canonical.Model.CaseEvent[] events)
    {
        using var admin = CreateClient();
        var posted = await admin.PostAsync("/api/v1/events", Http.Body(TestEvents.Batch(events), "application/cloudevents-batch+json"));
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var ids = events.Select(e => e.Id).ToHashSet();
        JsonElement feed = default;
        await Eventually.True(async () =>
        {
            feed = await (await admin.GetAsync("/api/v1/events?limit=1000")).Json();
            var stored = feed.GetProperty("items").EnumerateArray().Where(e => ids.Contains(e.GetProperty("event").GetProperty("id").GetString()!)).ToList();
            return stored.Count == ids.Count && stored.All(e => e.TryGetProperty("caseId", out _));
        }, "the events to be stored and projected");
        return feed;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Staff.Dispose();
            MinaSidor.Dispose();
        }
    }
}
