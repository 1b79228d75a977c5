using System.Net;
using System.Net.Http.Json;
using IntegrationHub.Hub.Tests.Infrastructure;

namespace IntegrationHub.Hub.Tests.Security;

/// <summary>Registrators and contact-centre staff sign in with the municipality's OpenID Connect issuer; their roles map to scopes.</summary>
public sealed class PeopleSignInTests(SecuredHubFactory hub) : IClassFixture<SecuredHubFactory>
{
    private const string M = TestEvents.Municipality;

    [Fact]
    public async Task A_registrators_token_opens_the_inbox_and_the_diary_but_not_the_keys()
    {
        using var client = hub.CreateClient().WithBearer(hub.StaffToken("eva.ek", "Eva Ek", M, "ihub-registrator"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/registrator/inbox?municipality={M}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/diary")).StatusCode);
        var keys = await client.GetAsync("/api/v1/keys");
        Assert.Equal(HttpStatusCode.Forbidden, keys.StatusCode);
        Assert.Equal("admin", (await keys.Json()).GetProperty("requiredScope").GetString());
    }

    [Fact]
    public async Task A_contact_centre_token_reads_cases_up_to_its_ceiling()
    {
        using var client = hub.CreateClient().WithBearer(hub.StaffToken("kc-1", "Karl Kund", M, "ihub-kc"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/people/{TestEvents.Applicant}/events")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/registrator/inbox?municipality={M}")).StatusCode);
    }

    [Fact]
    public async Task A_role_the_hub_does_not_know_grants_nothing()
    {
        using var client = hub.CreateClient().WithBearer(hub.StaffToken("x", "Okänd", M, "some-other-role"));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/cases?municipality={M}&caseNumber=X")).StatusCode);
    }

    [Fact]
    public async Task An_expired_foreign_or_wrong_audience_token_is_401()
    {
        var now = hub.Clock.GetUtcNow();
        var claims = new Dictionary<string, object> { ["sub"] = "eva", ["kommunkod"] = M, ["roles"] = new[] { "ihub-registrator" } };
        using var other = new TokenIssuer("other");
        foreach (var token in new[]
        {
            hub.Staff.Mint(SecuredHubFactory.StaffAudience, now.AddHours(-3), TimeSpan.FromMinutes(30), claims),
            hub.Staff.Mint("someone-else", now, TimeSpan.FromMinutes(30), claims),
            other.Mint(SecuredHubFactory.StaffAudience, now, TimeSpan.FromMinutes(30), claims, issuer: hub.Staff.Issuer),
        })
        {
            using var client = hub.CreateClient().WithBearer(token);
            var response = await client.GetAsync($"/api/v1/registrator/inbox?municipality={M}");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains(("Authorization", "authentication"), (await response.Json()).Errors());
        }
    }

    [Fact]
    public async Task A_person_acts_under_their_own_name_whatever_the_request_says()
    {
        var caseId = $"PS-{Guid.NewGuid():N}"[..12];
        await hub.StoreAsync(TestEvents.Opened(caseId));
        using var client = hub.CreateClient().WithBearer(hub.StaffToken("eva.ek", "Eva Ek", M, "ihub-registrator"));
        using var admin = hub.CreateClient();
        var found = await (await admin.GetAsync($"/api/v1/cases?municipality={M}&sourceSystem=edp-future&sourceCaseId={caseId}")).Json();
        var details = await (await admin.GetAsync($"/api/v1/cases/{found[0].GetProperty("id").GetString()}")).Json();
        var registration = details.GetProperty("registrations")[0];
        var corrected = await client.PostAsJsonAsync($"/api/v1/diary/registrations/{registration.GetProperty("id").GetString()}/corrections",
            new { description = "Rättad", reason = "Stavfel", changedBy = "Någon Annan" });
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.Equal("Eva Ek", (await corrected.Json()).GetProperty("changes")[0].GetProperty("changedBy").GetString());
    }
}
