using System.Net;
using System.Net.Http.Json;
using IntegrationHub.Hub.Tests.Infrastructure;
using IntegrationHub.Store.Security;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Hub.Tests.Security;

/// <summary>After a scripted session of reads, the audit log says who read what, when and from where — and cannot be changed.</summary>
public sealed class AuditTrailTests(SecuredHubFactory hub) : IClassFixture<SecuredHubFactory>
{
    private const string M = TestEvents.Municipality;

    [Fact]
    public async Task A_session_of_reads_is_in_the_audit_log_in_order_with_who_what_and_status()
    {
        var caseId = $"AU-{Guid.NewGuid():N}"[..12];
        await hub.StoreAsync(TestEvents.Opened(caseId));
        using var admin = hub.CreateClient();
        var hubCase = (await (await admin.GetAsync($"/api/v1/cases?municipality={M}&sourceSystem=edp-future&sourceCaseId={caseId}")).Json())[0].GetProperty("id").GetString();

        // The session: a contact-centre clerk (key) and a registrator (token) look at one citizen and one case.
        var kcKey = await hub.CreateKeyAsync(M, ["cases:read"], ceiling: "confidential");
        using var kc = hub.CreateClient().WithKey(kcKey);
        Assert.Equal(HttpStatusCode.OK, (await kc.GetAsync($"/api/v1/people/{TestEvents.Applicant}/events?municipality={M}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await kc.GetAsync($"/api/v1/cases/{hubCase}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await kc.GetAsync($"/api/v1/cases/{hubCase}/events")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await kc.GetAsync($"/api/v1/cases?municipality={M}&caseNumber=VA-{caseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kc.GetAsync($"/api/v1/cases/{Guid.NewGuid()}")).StatusCode);
        using var registrator = hub.CreateClient().WithBearer(hub.StaffToken("eva.ek", "Eva Ek", M, "ihub-registrator"));
        Assert.Equal(HttpStatusCode.OK, (await registrator.GetAsync($"/api/v1/registrator/inbox?municipality={M}")).StatusCode);

        var kcId = $"key:{kcKey.Split('_')[1]}";
        var entries = (await (await admin.GetAsync($"/api/v1/audit?municipality={M}&actor={Uri.EscapeDataString(kcId)}")).Json())
            .GetProperty("entries").EnumerateArray().Reverse().ToList();
        Assert.Equal(["timeline.read", "case.read", "case.events.read", "cases.search", "case.read"], entries.Select(e => e.GetProperty("action").GetString()));
        Assert.Equal(TestEvents.Applicant, entries[0].GetProperty("resource").GetString());
        Assert.Equal("person", entries[0].GetProperty("resourceType").GetString());
        Assert.Equal(hubCase, entries[1].GetProperty("resource").GetString());
        Assert.Equal([200, 200, 200, 200, 404], entries.Select(e => e.GetProperty("status").GetInt32()));
        Assert.All(entries, e =>
        {
            Assert.Equal(M, e.GetProperty("municipality").GetString());
            Assert.StartsWith("test cases:read", e.GetProperty("actorName").GetString(), StringComparison.Ordinal);
            Assert.True(e.TryGetProperty("at", out _));
            Assert.True(e.TryGetProperty("traceId", out _));
        });
        Assert.True(entries[0].GetProperty("count").GetInt32() >= 1);

        var byPerson = (await (await admin.GetAsync($"/api/v1/audit?resource={TestEvents.Applicant}")).Json()).GetProperty("entries");
        Assert.Contains(byPerson.EnumerateArray(), e => e.GetProperty("actor").GetString() == kcId);
        var byRegistrator = (await (await admin.GetAsync("/api/v1/audit?actor=user%3Aeva.ek")).Json()).GetProperty("entries");
        Assert.Equal("Eva Ek", byRegistrator[0].GetProperty("actorName").GetString());
        Assert.Equal("inbox.list", byRegistrator[0].GetProperty("action").GetString());
    }

    [Fact]
    public async Task A_citizens_read_through_Mina_Sidor_names_the_portal_and_the_citizen()
    {
        using var portal = await hub.ClientWithKeyAsync(M, ["timeline:read"], ceiling: "internal");
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/people/{TestEvents.Child}/events?municipality={M}");
        request.Headers.Add("X-Citizen-Token", hub.CitizenToken(TestEvents.Applicant, TestEvents.Child));
        Assert.Equal(HttpStatusCode.OK, (await portal.SendAsync(request)).StatusCode);
        using var admin = hub.CreateClient();
        var entry = (await (await admin.GetAsync($"/api/v1/audit?resource={TestEvents.Child}&action=timeline.read")).Json()).GetProperty("entries")[0];
        Assert.EndsWith($"/citizen:{TestEvents.Applicant}", entry.GetProperty("actor").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Key_administration_is_audited_and_the_audit_log_has_no_way_to_change_it()
    {
        using var admin = hub.CreateClient();
        var created = await (await admin.PostAsJsonAsync("/api/v1/keys", new { name = "Statistik", municipality = M, scopes = new[] { "statistics:read" } })).Json();
        var id = created.GetProperty("apiKey").GetProperty("id").GetString();
        await admin.DeleteAsync($"/api/v1/keys/{id}");
        var actions = (await (await admin.GetAsync($"/api/v1/audit?resource={id}")).Json()).GetProperty("entries").EnumerateArray()
            .Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains("key.revoke", actions);

        foreach (var method in new[] { HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch, HttpMethod.Post })
        {
            var response = await admin.SendAsync(new HttpRequestMessage(method, "/api/v1/audit") { Content = JsonContent.Create(new { }) });
            Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        }

        var trail = hub.Services.GetRequiredService<IAuditTrail>();
        Assert.NotEmpty(await trail.QueryAsync(new AuditQuery { Action = "key.create" }, CancellationToken.None));
    }

    [Fact]
    public async Task Only_administrators_read_the_audit_log()
    {
        using var registrator = await hub.ClientWithKeyAsync(M, ["registrator", "cases:read"], ceiling: "restricted");
        var response = await registrator.GetAsync("/api/v1/audit");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("admin", (await response.Json()).GetProperty("requiredScope").GetString());
    }
}
