using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Hub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Hub.Tests.Security;

/// <summary>
/// One test per masking rule (docs/security.md): what is above a caller's classification ceiling is never returned, and
/// what a sekretessmarkering withholds is shown only to a registrator with clearance — in every API that carries it.
/// </summary>
public sealed class SecrecyMaskingTests(SecuredHubFactory hub) : IClassFixture<SecuredHubFactory>, IAsyncLifetime
{
    private const string M = TestEvents.Municipality;
    private readonly string _caseId = $"SEK-{Guid.NewGuid():N}"[..16];
    private readonly string _secretCaseId = $"SEK-{Guid.NewGuid():N}"[..16];
    private string _document = null!;
    private Scenario _case = null!;
    private Scenario _secret = null!;
    private JsonElement _posted;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        var admin = _admin = hub.CreateClient();
        var stored = await hub.Services.GetRequiredService<IContentStore>().PutAsync(Encoding.UTF8.GetBytes($"%PDF-1.7 yttrande {_caseId}"), "application/pdf", CancellationToken.None);
        _document = stored.Sha256;
        // One case whose events are internal except one confidential status, and one case that is restricted as a whole.
        _case = new Scenario(admin, "edp-future", _caseId, "bygglov");
        _posted = await _case.Post(
            _case.Event(CaseEventTypes.Opened, "Din ansökan har kommit in", diaryEvent: true, change: d => d with
            {
                Parties = [new Party { Role = PartyRole.Applicant, Identity = new PartyIdentity(IdentityType.Personnummer, TestEvents.Applicant), Name = "Tolvan Tolvansson" }],
            }),
            Classified(_case.Event(CaseEventTypes.StatusChanged, "Handläggningen pausas"), DataClassification.Confidential),
            Classified(_case.Event(CaseEventTypes.DocumentRegistered, "Ett yttrande har kommit in", diaryEvent: true, change: d => d with
            {
                Document = Scenario.IncomingDocument("Yttrande om grannens hälsotillstånd", "Bertil Granne") with
                {
                    Attachments = [new Attachment("yttrande.pdf", "application/pdf", 4, _document, $"/api/v1/contents/{_document}")],
                },
                Restriction = new Restriction { Type = RestrictionType.Sekretess, LegalReference = "OSL 25 kap. 1 §", MarkedBy = "Registrator Eva", MarkedAt = new DateTimeOffset(2026, 3, 5, 10, 0, 0, TimeSpan.FromHours(1)) },
            }), DataClassification.Confidential));
        _secret = new Scenario(admin, "edp-future", _secretCaseId, "bygglov");
        await _secret.Post(Classified(_secret.Event(CaseEventTypes.Opened, "Skyddad ansökan", change: d => d with
        {
            Parties = [new Party { Role = PartyRole.Applicant, Identity = new PartyIdentity(IdentityType.Personnummer, TestEvents.Applicant), Name = "Skyddad Person" }],
        }), DataClassification.Restricted));
    }

    public Task DisposeAsync()
    {
        _admin.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Feed_leaves_out_events_above_the_ceiling_but_the_cursor_moves_past_them()
    {
        using var client = await hub.ClientWithKeyAsync(M, ["feed:read"], ceiling: "internal");
        var first = Sequences(_posted).Min();
        var page = await (await client.GetAsync($"/api/v1/events?after={first - 1}&limit=3")).Json();
        var classifications = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("event").GetProperty("dataclassification").GetString()).ToList();
        Assert.Equal(["internal"], classifications);
        Assert.Equal(Sequences(_posted).Max(), page.GetProperty("lastSequence").GetInt64());
    }

    [Fact]
    public async Task A_case_is_as_secret_as_its_most_secret_event()
    {
        // Its title and parties may come from that event, so a caller below it does not see the case at all.
        using var client = await hub.ClientWithKeyAsync(M, ["cases:read"], ceiling: "internal");
        var caseId = await _case.CaseId();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/cases/{caseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/cases/{caseId}/events")).StatusCode);
        using var cleared = await hub.ClientWithKeyAsync(M, ["cases:read"], ceiling: "confidential");
        Assert.Equal(3, (await (await cleared.GetAsync($"/api/v1/cases/{caseId}/events")).Json()).GetArrayLength());
    }

    [Fact]
    public async Task A_case_above_the_ceiling_does_not_exist_for_the_caller_nor_in_searches()
    {
        using var client = await hub.ClientWithKeyAsync(M, ["cases:read"], ceiling: "confidential");
        using var admin = hub.CreateClient();
        var secretId = await _secret.CaseId();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/cases/{secretId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/cases/{secretId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/cases/{secretId}/events")).StatusCode);
        var found = await (await client.GetAsync($"/api/v1/cases?municipality={M}&sourceSystem=edp-future&sourceCaseId={_secretCaseId}")).Json();
        Assert.Empty(found.EnumerateArray());
    }

    [Fact]
    public async Task A_persons_timeline_leaves_out_events_above_the_ceiling()
    {
        using var client = await hub.ClientWithKeyAsync(M, ["cases:read"], ceiling: "internal");
        var timeline = await (await client.GetAsync($"/api/v1/people/{TestEvents.Applicant}/events?municipality={M}&pageSize=200")).Json();
        var items = timeline.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.Contains(i.GetProperty("event").GetProperty("dataclassification").GetString(), new[] { "public", "internal" }));
        Assert.DoesNotContain(items, i => i.GetRawText().Contains("Skyddad", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_subscription_feed_leaves_out_events_above_the_readers_ceiling()
    {
        using var admin = hub.CreateClient();
        var created = await (await admin.PostAsJsonAsync("/api/v1/subscriptions", new
        {
            municipality = M,
            name = "Statistik",
            startAfterSequence = Sequences(_posted).Min() - 1,
            filter = new { classificationCeiling = "restricted" },
        })).Json();
        using var reader = await hub.ClientWithKeyAsync(M, ["feed:read"], ceiling: "internal");
        var page = await (await reader.GetAsync($"/api/v1/subscriptions/{created.GetProperty("id").GetString()}/events?limit=1000")).Json();
        Assert.All(page.GetProperty("items").EnumerateArray(), i => Assert.Contains(i.GetProperty("event").GetProperty("dataclassification").GetString(), new[] { "public", "internal" }));
        Assert.NotEmpty(page.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_subscription_cannot_deliver_more_than_its_creator_may_read()
    {
        using var manager = await hub.ClientWithKeyAsync(M, ["subscriptions:manage"], ceiling: "internal");
        var refused = await manager.PostAsJsonAsync("/api/v1/subscriptions", new { municipality = M, name = "Läcka", filter = new { classificationCeiling = "confidential" } });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains(("/filter/classificationCeiling", "ceiling"), (await refused.Json()).Errors());
        var allowed = await manager.PostAsJsonAsync("/api/v1/subscriptions", new { municipality = M, name = "Portal", filter = new { classificationCeiling = "internal" } });
        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
        var id = (await allowed.Json()).GetProperty("id").GetString();
        var raise = await manager.PutAsJsonAsync($"/api/v1/subscriptions/{id}", new { name = "Portal", version = 1, filter = new { classificationCeiling = "restricted" } });
        Assert.Equal(HttpStatusCode.Forbidden, raise.StatusCode);
    }

    [Fact]
    public async Task A_restricted_registration_withholds_sender_and_description_unless_the_registrator_has_clearance()
    {
        var registration = (await _case.Details()).GetProperty("registrations").EnumerateArray()
            .Single(r => r.TryGetProperty("restriction", out _)).GetProperty("id").GetString();
        var url = $"/api/v1/diary/registrations/{registration}";

        using var publicDiary = await hub.ClientWithKeyAsync(M, ["diary:read"], ceiling: "restricted");
        using var uncleared = await hub.ClientWithKeyAsync(M, ["diary:read", "registrator"], ceiling: "internal");
        using var cleared = await hub.ClientWithKeyAsync(M, ["diary:read", "registrator"], ceiling: "confidential");
        foreach (var client in new[] { publicDiary, uncleared })
        {
            var current = (await (await client.GetAsync(url)).Json()).GetProperty("current");
            Assert.True(current.GetProperty("withheld").GetBoolean());
            Assert.False(current.TryGetProperty("correspondent", out _));
            Assert.False(current.TryGetProperty("description", out _));
        }

        var shown = (await (await cleared.GetAsync(url)).Json()).GetProperty("current");
        Assert.False(shown.GetProperty("withheld").GetBoolean());
        Assert.Equal("Bertil Granne", shown.GetProperty("correspondent").GetString());
        Assert.Equal("OSL 25 kap. 1 §", shown.GetProperty("restriction").GetProperty("legalReference").GetString());
    }

    [Fact]
    public async Task The_public_diary_withholds_for_every_caller_even_with_clearance()
    {
        using var cleared = await hub.ClientWithKeyAsync(M, ["diary:read", "registrator"], ceiling: "restricted");
        var diary = await (await cleared.GetAsync($"/api/v1/diary?municipality={M}&pageSize=1000")).Json();
        var restricted = diary.EnumerateArray().Where(e => e.TryGetProperty("restriction", out _)).ToList();
        Assert.NotEmpty(restricted);
        Assert.All(restricted, e => Assert.False(e.TryGetProperty("correspondent", out _)));
        var csv = await (await cleared.GetAsync($"/api/v1/diary.csv?municipality={M}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Bertil Granne", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_is_as_secret_as_the_events_that_reference_it()
    {
        using var low = await hub.ClientWithKeyAsync(M, ["cases:read"], ceiling: "internal");
        using var high = await hub.ClientWithKeyAsync(M, ["cases:read"], ceiling: "confidential");
        Assert.Equal(HttpStatusCode.NotFound, (await low.GetAsync($"/api/v1/contents/{_document}")).StatusCode);
        var response = await high.GetAsync($"/api/v1/contents/{_document}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("%PDF", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_archive_export_refuses_a_case_above_the_ceiling()
    {
        using var registrator = await hub.ClientWithKeyAsync(M, ["registrator"], ceiling: "confidential");
        var export = await registrator.PostAsJsonAsync("/api/v1/exports/fgs", new { municipality = M, caseIds = new[] { await _secret.CaseId() } });
        Assert.Equal(HttpStatusCode.Forbidden, export.StatusCode);
        Assert.Contains(("caseIds/0", "ceiling"), (await export.Json()).Errors());
    }

    private static CaseEvent Classified(CaseEvent e, DataClassification classification) => e with { DataClassification = classification };

    private static IEnumerable<long> Sequences(JsonElement accepted) =>
        accepted.GetProperty("accepted").EnumerateArray().Select(a => a.GetProperty("sequence").GetInt64());
}
