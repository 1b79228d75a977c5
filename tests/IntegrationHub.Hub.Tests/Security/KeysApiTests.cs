using System.Net;
using System.Net.Http.Json;
using IntegrationHub.Hub.Tests.Infrastructure;

namespace IntegrationHub.Hub.Tests.Security;

/// <summary>Keys are shown once, stored as hashes, listed without secrets, rotated with an optional grace period and revoked at once.</summary>
public sealed class KeysApiTests(SecuredHubFactory hub) : IClassFixture<SecuredHubFactory>
{
    private const string M = TestEvents.Municipality;

    [Fact]
    public async Task A_new_key_is_shown_once_works_and_is_never_listed_with_its_secret()
    {
        using var admin = hub.CreateClient();
        var created = await admin.PostAsJsonAsync("/api/v1/keys", new { name = "EDP Future-adaptern", municipality = M, scopes = new[] { "events:write" }, sources = new[] { "edp-future" }, classificationCeiling = "internal" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Json();
        var key = body.GetProperty("key").GetString()!;
        var secret = key[(5 + 12 + 1)..];
        Assert.StartsWith("ihub_", key, StringComparison.Ordinal);
        Assert.Equal("active", body.GetProperty("apiKey").GetProperty("state").GetString());

        var list = await (await admin.GetAsync($"/api/v1/keys?municipality={M}")).Content.ReadAsStringAsync();
        var one = await (await admin.GetAsync($"/api/v1/keys/{body.GetProperty("apiKey").GetProperty("id").GetString()}")).Content.ReadAsStringAsync();
        foreach (var text in new[] { list, one })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain("hash", text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain(hub.Logs.Lines, l => l.Contains(secret, StringComparison.Ordinal));
        using var adapter = hub.CreateClient().WithKey(key);
        Assert.Equal(HttpStatusCode.Accepted, (await adapter.PostEvent(TestEvents.Json(TestEvents.Opened($"K-{Guid.NewGuid():N}"[..12])))).StatusCode);
    }

    [Fact]
    public async Task An_adapter_key_submits_only_as_its_own_source_system()
    {
        using var adapter = await hub.ClientWithKeyAsync(M, ["events:write"], ["platina"]);
        var response = await adapter.PostEvent(TestEvents.Json(TestEvents.Opened($"K-{Guid.NewGuid():N}"[..12])));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(("/data/case/sourceSystem", "source"), (await response.Json()).Errors());
    }

    [Fact]
    public async Task A_revoked_or_expired_key_stops_working_at_once()
    {
        var key = await hub.CreateKeyAsync(M, ["feed:read"]);
        using var client = hub.CreateClient().WithKey(key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/events")).StatusCode);
        using var admin = hub.CreateClient();
        var revoked = await (await admin.DeleteAsync($"/api/v1/keys/{key.Split('_')[1]}")).Json();
        Assert.Equal("revoked", revoked.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/events")).StatusCode);

        var expiring = await (await admin.PostAsJsonAsync("/api/v1/keys", new { name = "Tillfällig", municipality = M, scopes = new[] { "feed:read" }, expiresAt = hub.Clock.GetUtcNow().AddHours(1) })).Json();
        using var temporary = hub.CreateClient().WithKey(expiring.GetProperty("key").GetString());
        Assert.Equal(HttpStatusCode.OK, (await temporary.GetAsync("/api/v1/events")).StatusCode);
        hub.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(HttpStatusCode.Unauthorized, (await temporary.GetAsync("/api/v1/events")).StatusCode);
    }

    [Fact]
    public async Task Rotation_gives_a_new_secret_and_the_old_one_works_only_for_the_grace_period()
    {
        var key = await hub.CreateKeyAsync(M, ["feed:read"]);
        var id = key.Split('_')[1];
        using var admin = hub.CreateClient();
        var rotated = await (await admin.PostAsJsonAsync($"/api/v1/keys/{id}/rotate", new { graceMinutes = 30 })).Json();
        var newKey = rotated.GetProperty("key").GetString()!;
        Assert.NotEqual(key, newKey);
        Assert.StartsWith($"ihub_{id}_", newKey, StringComparison.Ordinal);
        using var old = hub.CreateClient().WithKey(key);
        using var fresh = hub.CreateClient().WithKey(newKey);
        Assert.Equal(HttpStatusCode.OK, (await old.GetAsync("/api/v1/events")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/api/v1/events")).StatusCode);
        hub.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.Unauthorized, (await old.GetAsync("/api/v1/events")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/api/v1/events")).StatusCode);

        var now = await (await admin.PostAsJsonAsync($"/api/v1/keys/{id}/rotate", new { })).Json();
        Assert.Equal(HttpStatusCode.Unauthorized, (await fresh.GetAsync("/api/v1/events")).StatusCode);
        Assert.False(now.GetProperty("apiKey").TryGetProperty("previousSecretValidUntil", out _));
    }

    [Theory]
    [InlineData("""{"municipality":"2281","scopes":["feed:read"]}""", "/name", "required")]
    [InlineData("""{"name":"x","scopes":["feed:read"]}""", "/municipality", "required")]
    [InlineData("""{"name":"x","municipality":"22","scopes":["feed:read"]}""", "/municipality", "pattern")]
    [InlineData("""{"name":"x","municipality":"2281"}""", "/scopes", "required")]
    [InlineData("""{"name":"x","municipality":"2281","scopes":["feed:read","everything"]}""", "/scopes/1", "enum")]
    [InlineData("""{"name":"x","municipality":"2281","scopes":["events:write"]}""", "/sources", "required")]
    [InlineData("""{"name":"x","municipality":"2281","scopes":["events:write"],"sources":["EDP Future"]}""", "/sources/0", "pattern")]
    [InlineData("""{"name":"x","municipality":"2281","scopes":["feed:read"],"expiresAt":"2020-01-01T00:00:00Z"}""", "/expiresAt", "future")]
    public async Task A_bad_key_request_names_the_field_and_the_rule(string body, string field, string rule)
    {
        using var admin = hub.CreateClient();
        var response = await admin.PostAsync("/api/v1/keys", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains((field, rule), (await response.Json()).Errors());
    }

    [Fact]
    public async Task An_administrator_never_grants_more_than_they_may_read()
    {
        using var municipalAdmin = await hub.ClientWithKeyAsync(M, ["admin"], ceiling: "internal");
        var response = await municipalAdmin.PostAsJsonAsync("/api/v1/keys", new { name = "x", municipality = M, scopes = new[] { "cases:read" }, classificationCeiling = "restricted" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(("/classificationCeiling", "ceiling"), (await response.Json()).Errors());
    }
}
