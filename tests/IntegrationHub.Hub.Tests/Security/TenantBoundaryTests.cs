using System.Net;
using System.Net.Http.Json;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Hub.Tests.Infrastructure;

namespace IntegrationHub.Hub.Tests.Security;

/// <summary>A key of Stockholm (0180) with every scope never reads or writes Sundsvall's (2281) data.</summary>
public sealed class TenantBoundaryTests(SecuredHubFactory hub) : IClassFixture<SecuredHubFactory>, IAsyncLifetime
{
    private const string Sundsvall = TestEvents.Municipality;
    private const string Stockholm = SecuredHubFactory.Other;
    private static readonly string[] Everything = ["admin"];
    private HttpClient _stockholm = null!;
    private Guid _sundsvallCase;
    private string _document = null!;

    public async Task InitializeAsync()
    {
        _stockholm = await hub.ClientWithKeyAsync(Stockholm, Everything, ceiling: "restricted");
        var opened = TestEvents.Opened($"T-{Guid.NewGuid():N}"[..12]);
        _document = new string('c', 64);
        opened = opened with
        {
            Data = opened.Data with
            {
                Document = new Document
                {
                    Direction = DocumentDirection.Incoming,
                    Date = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(1)),
                    Title = "Ansökan",
                    Attachments = [new Attachment("ansokan.pdf", "application/pdf", 10, _document, $"/api/v1/contents/{_document}")],
                },
            },
        };
        var feed = await hub.StoreAsync(opened);
        _sundsvallCase = feed.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("event").GetProperty("id").GetString() == opened.Id)
            .GetProperty("caseId").GetGuid();
    }

    public Task DisposeAsync()
    {
        _stockholm.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData($"/api/v1/events?municipality={Sundsvall}")]
    [InlineData($"/api/v1/cases?municipality={Sundsvall}&caseNumber=VA-1")]
    [InlineData($"/api/v1/people/{TestEvents.Applicant}/events?municipality={Sundsvall}")]
    [InlineData($"/api/v1/people/{TestEvents.Applicant}/notifications?municipality={Sundsvall}")]
    [InlineData($"/api/v1/diary?municipality={Sundsvall}")]
    [InlineData($"/api/v1/diary.csv?municipality={Sundsvall}")]
    [InlineData($"/api/v1/diary/conflicts?municipality={Sundsvall}")]
    [InlineData($"/api/v1/registrator/inbox?municipality={Sundsvall}")]
    [InlineData($"/api/v1/statistics?municipality={Sundsvall}")]
    [InlineData($"/api/v1/subscriptions?municipality={Sundsvall}")]
    [InlineData($"/api/v1/keys?municipality={Sundsvall}")]
    [InlineData($"/api/v1/audit?municipality={Sundsvall}")]
    public async Task Asking_for_another_municipality_is_refused_naming_municipality_and_tenant(string url)
    {
        var response = await _stockholm.GetAsync(url);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(("municipality", "tenant"), (await response.Json()).Errors());
    }

    [Fact]
    public async Task The_feed_without_a_municipality_holds_only_the_keys_own()
    {
        var page = await (await _stockholm.GetAsync("/api/v1/events?limit=1000")).Json();
        Assert.All(page.GetProperty("items").EnumerateArray(), e => Assert.Equal(Stockholm, e.GetProperty("event").GetProperty("municipality").GetString()));
        Assert.DoesNotContain(page.GetProperty("items").EnumerateArray(), e => e.GetProperty("caseId").GetGuid() == _sundsvallCase);
    }

    [Theory]
    [InlineData("/api/v1/cases/{case}")]
    [InlineData("/api/v1/cases/{case}/events")]
    [InlineData("/api/v1/contents/{document}")]
    public async Task Another_municipalitys_case_and_documents_do_not_exist_for_the_key(string url)
    {
        var response = await _stockholm.GetAsync(url.Replace("{case}", _sundsvallCase.ToString(), StringComparison.Ordinal).Replace("{document}", _document, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Writing_another_municipalitys_event_is_refused_and_nothing_is_stored()
    {
        var foreign = TestEvents.Opened($"T-{Guid.NewGuid():N}"[..12]);
        var response = await _stockholm.PostEvent(TestEvents.Json(foreign));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(("/municipality", "tenant"), (await response.Json()).Errors());

        var batch = await _stockholm.PostAsync("/api/v1/events", Http.Body(TestEvents.Batch(foreign with { Municipality = Stockholm, Id = Guid.NewGuid().ToString() }, foreign), "application/cloudevents-batch+json"));
        Assert.Equal(HttpStatusCode.Forbidden, batch.StatusCode);
        Assert.Contains(("/1/municipality", "tenant"), (await batch.Json()).Errors());

        using var admin = hub.CreateClient();
        var feed = await (await admin.GetAsync("/api/v1/events?limit=1000")).Json();
        Assert.DoesNotContain(feed.GetProperty("items").EnumerateArray(), e => e.GetProperty("event").GetProperty("id").GetString() == foreign.Id);
    }

    [Fact]
    public async Task A_subscription_for_another_municipality_cannot_be_created_nor_seen()
    {
        var create = await _stockholm.PostAsJsonAsync("/api/v1/subscriptions", new { municipality = Sundsvall, name = "Intrång" });
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Contains(("/municipality", "tenant"), (await create.Json()).Errors());

        using var admin = hub.CreateClient();
        var created = await (await admin.PostAsJsonAsync("/api/v1/subscriptions", new { municipality = Sundsvall, name = "Mina Sidor Sundsvall" })).Json();
        var id = created.GetProperty("id").GetString();
        foreach (var url in new[] { $"/api/v1/subscriptions/{id}", $"/api/v1/subscriptions/{id}/events", $"/api/v1/subscriptions/{id}/delivery" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await _stockholm.GetAsync(url)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await _stockholm.DeleteAsync($"/api/v1/subscriptions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/subscriptions/{id}")).StatusCode);
    }

    [Fact]
    public async Task Another_municipalitys_key_cannot_be_created_seen_rotated_or_revoked()
    {
        var create = await _stockholm.PostAsJsonAsync("/api/v1/keys", new { name = "Intrång", municipality = Sundsvall, scopes = new[] { "feed:read" } });
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Contains(("/municipality", "tenant"), (await create.Json()).Errors());
        var installationWide = await _stockholm.PostAsJsonAsync("/api/v1/keys", new { name = "Allt", municipality = "*", scopes = new[] { "admin" } });
        Assert.Contains(("/municipality", "installationWide"), (await installationWide.Json()).Errors());

        var sundsvallKey = await hub.CreateKeyAsync(Sundsvall, ["feed:read"]);
        var id = sundsvallKey.Split('_')[1];
        Assert.Equal(HttpStatusCode.NotFound, (await _stockholm.GetAsync($"/api/v1/keys/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _stockholm.PostAsJsonAsync($"/api/v1/keys/{id}/rotate", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _stockholm.DeleteAsync($"/api/v1/keys/{id}")).StatusCode);
        var listed = await (await _stockholm.GetAsync("/api/v1/keys")).Json();
        Assert.All(listed.EnumerateArray(), k => Assert.Equal(Stockholm, k.GetProperty("municipality").GetString()));
    }

    [Fact]
    public async Task Another_municipalitys_cases_cannot_be_exported_or_linked()
    {
        var export = await _stockholm.PostAsJsonAsync("/api/v1/exports/fgs", new { municipality = Sundsvall, caseIds = new[] { _sundsvallCase } });
        Assert.Equal(HttpStatusCode.Forbidden, export.StatusCode);
        Assert.Contains(("municipality", "tenant"), (await export.Json()).Errors());
        var link = await _stockholm.PostAsJsonAsync($"/api/v1/cases/{_sundsvallCase}/links", new { sourceSystem = "platina", sourceCaseId = "X" });
        Assert.Equal(HttpStatusCode.NotFound, link.StatusCode);
    }

    [Fact]
    public async Task Dead_letters_span_every_municipality_and_are_for_installation_wide_administrators_only()
    {
        var response = await _stockholm.GetAsync("/api/v1/dead-letters");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(("municipality", "installationWide"), (await response.Json()).Errors());
    }

    [Fact]
    public async Task A_staff_token_of_one_municipality_reads_nothing_of_another()
    {
        using var staff = hub.CreateClient().WithBearer(hub.StaffToken("eva", "Eva Ek", Stockholm, "ihub-registrator"));
        var response = await staff.GetAsync($"/api/v1/registrator/inbox?municipality={Sundsvall}");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(("municipality", "tenant"), (await response.Json()).Errors());
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/api/v1/registrator/inbox")).StatusCode);
    }

    [Fact]
    public async Task Audit_entries_of_another_municipality_are_not_listed()
    {
        using var admin = hub.CreateClient();
        await admin.GetAsync($"/api/v1/cases/{_sundsvallCase}");
        var page = await (await _stockholm.GetAsync("/api/v1/audit?limit=1000")).Json();
        Assert.All(page.GetProperty("entries").EnumerateArray(), e => Assert.Equal(Stockholm, e.GetProperty("municipality").GetString()));
    }
}
