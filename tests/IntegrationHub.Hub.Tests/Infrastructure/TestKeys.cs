using System.Net.Http.Headers;
using IntegrationHub.Hub.Security.ApiKeys;

namespace IntegrationHub.Hub.Tests.Infrastructure;

/// <summary>
/// The installation-wide administrator key every test hub starts with (a fresh random one per test run, given to the
/// hub as its bootstrap key, never committed), and the limits that keep the rate limiter out of tests that are not about it.
/// </summary>
public static class TestKeys
{
    /// <summary>The administrator key of every test hub.</summary>
    public static string Admin { get; } = ApiKeyFormat.Compose(ApiKeyFormat.NewId(), ApiKeyFormat.NewSecret());

    /// <summary>Settings for a hub in tests: the bootstrap key and a rate limit no test reaches by accident.</summary>
    public static IReadOnlyDictionary<string, string> HubSettings { get; } = new Dictionary<string, string>
    {
        ["Hub:Security:BootstrapAdminKey"] = Admin,
        ["Hub:Security:RateLimit:Permits"] = "1000000",
        ["Hub:Security:RateLimit:Burst"] = "1000000",
    };

    /// <summary>Makes the client present <paramref name="key"/> (the administrator key by default).</summary>
    public static HttpClient WithKey(this HttpClient client, string? key = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.DefaultRequestHeaders.Remove("X-Api-Key");
        client.DefaultRequestHeaders.Authorization = null;
        client.DefaultRequestHeaders.Add("X-Api-Key", key ?? Admin);

        return client;
    }

    /// <summary>Makes the client present no credential at all.</summary>
    public static HttpClient Anonymous(this HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.DefaultRequestHeaders.Remove("X-Api-Key");
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    /// <summary>Makes the client present a bearer token.</summary>
    public static HttpClient WithBearer(this HttpClient client, string token)
    {
        client.Anonymous().DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
