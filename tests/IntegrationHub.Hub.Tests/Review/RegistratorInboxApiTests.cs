using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Hub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Hub.Tests.Review;

/// <summary>The registrator's inbox over HTTP: what automatic registrations show, and each action's effect on the diary.</summary>
public sealed class RegistratorInboxApiTests(MunicipalHubFactory hub) : IClassFixture<MunicipalHubFactory>
{
    private const string Registrator = "Rut Registrator";
    private readonly HttpClient _client = hub.CreateClient();

    /// <summary>A mail as the mailbox adapter registers it: a new case with an incoming document, asking for review.</summary>
    private async Task<(Scenario Mail, long Sequence)> PostMailAsync(string subject = "Fråga om bygglov för attefallshus", ReviewReason[]? reasons = null, DataClassification classification = DataClassification.Internal)
    {
        var mail = new Scenario(_client, "mailbox", $"mail-{Guid.NewGuid():N}", "medborgarforslag");
        var opened = mail.Event(CaseEventTypes.Opened, "Ditt e-postmeddelande har kommit in", diaryEvent: true, change: d => d with
        {
            Case = d.Case with { Title = subject, Unit = new OrganisationRef("kontaktcenter", "Kontaktcenter") },
            Document = Scenario.IncomingDocument(subject, "Märta Öhman") with
            {
                Sender = new Correspondent { Name = "Märta Öhman", Email = "marta.ohman@example.com" },
                Recipients = [new Correspondent { Email = "kommunen@sundsvall.example" }],
                DocumentType = "E-post",
            },
            Review = new Canonical.Model.Review { Reasons = reasons ?? [ReviewReason.AutoRegistered], ReceivedVia = "kommunen@sundsvall.example", Routing = "the mailbox's default" },
        }) with { DataClassification = classification };
        var accepted = await mail.Post(opened);
        return (mail, accepted.GetProperty("accepted")[0].GetProperty("sequence").GetInt64());
    }

    private async Task<JsonElement> Item(long sequence) => (await (await _client.GetAsync($"/api/v1/registrator/inbox/{sequence}")).Json()).GetProperty("item");

    private Task<HttpResponseMessage> Act(long sequence, string action, object body) =>
        _client.PostAsJsonAsync($"/api/v1/registrator/inbox/{sequence}/{action}", body);

    [Fact]
    public async Task AMailAskingForReview_IsListedWithItsNumbersSenderSubjectRoutingAndFlags()
    {
        var (mail, sequence) = await PostMailAsync("Synpunkt på snöröjning – Åkervägen", [ReviewReason.AutoRegistered, ReviewReason.PersonalData], DataClassification.Confidential);
        var other = new Scenario(_client, "edp-future", $"E-{Guid.NewGuid():N}", "medborgarforslag");
        await other.Post(other.Event(CaseEventTypes.Opened, "Ditt förslag har kommit in", diaryEvent: true));

        var page = await (await _client.GetAsync("/api/v1/registrator/inbox?municipality=2281&diary=KS&limit=1000")).Json();
        var items = page.GetProperty("items").EnumerateArray().ToList();
        var item = Assert.Single(items, i => i.GetProperty("sequence").GetInt64() == sequence);
        var details = await mail.Details();
        Assert.Equal(details.GetProperty("case").GetProperty("diarienummer").GetProperty("value").GetString(), item.GetProperty("diarienummer").GetString());
        Assert.Matches("^KS 2026/[0-9]+$", item.GetProperty("diarienummer").GetString());
        Assert.Equal("KS", item.GetProperty("diary").GetString());
        Assert.Equal(1, item.GetProperty("documentNumber").GetInt32());
        Assert.Equal("Synpunkt på snöröjning – Åkervägen", item.GetProperty("subject").GetString());
        Assert.Equal("marta.ohman@example.com", item.GetProperty("sender").GetProperty("email").GetString());
        Assert.Equal("kontaktcenter", item.GetProperty("unit").GetProperty("id").GetString());
        Assert.Equal("the mailbox's default", item.GetProperty("routing").GetString());
        Assert.Equal("kommunen@sundsvall.example", item.GetProperty("receivedVia").GetString());
        Assert.True(item.GetProperty("flags").GetProperty("personalData").GetBoolean());
        Assert.False(item.GetProperty("flags").GetProperty("unparseable").GetBoolean());
        Assert.Equal("confidential", item.GetProperty("classification").GetString());
        Assert.Equal("pending", item.GetProperty("state").GetString());
        // An event that did not ask for review is not in the inbox.
        var otherSequence = (await other.Timeline())[0].GetProperty("sequence").GetInt64();
        Assert.DoesNotContain(items, i => i.GetProperty("sequence").GetInt64() == otherSequence);
        Assert.Empty((await (await _client.GetAsync("/api/v1/registrator/inbox?municipality=0180")).Json()).GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData("/api/v1/registrator/inbox", "municipality", "required")]
    [InlineData("/api/v1/registrator/inbox?municipality=Sundsvall", "municipality", "pattern")]
    [InlineData("/api/v1/registrator/inbox?municipality=2281&state=done", "state", "enum")]
    [InlineData("/api/v1/registrator/inbox?municipality=2281&limit=0", "limit", "range")]
    [InlineData("/api/v1/contents/ABC", "sha256", "pattern")]
    public async Task BadQueries_AreProblemsNamingTheParameterAndRule(string url, string parameter, string rule)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains((parameter, rule), (await response.Json()).Errors());
    }

    [Fact]
    public async Task Confirm_RecordsWhoAndWhen_AndASecondConfirmOrAStaleVersionIsAConflict()
    {
        var (_, sequence) = await PostMailAsync();

        // Who acts comes from the caller (a person's token names them; a system's key may name the person it acts for).
        var stale = await Act(sequence, "confirm", new { changedBy = Registrator, version = 7 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var confirmed = await (await Act(sequence, "confirm", new { changedBy = Registrator, version = 1 })).Json();
        Assert.Equal("confirmed", confirmed.GetProperty("item").GetProperty("state").GetString());
        Assert.Equal(Registrator, confirmed.GetProperty("item").GetProperty("decidedBy").GetString());
        Assert.Equal(hub.Clock.GetUtcNow(), confirmed.GetProperty("item").GetProperty("decidedAt").GetDateTimeOffset());
        Assert.Equal(2, confirmed.GetProperty("item").GetProperty("version").GetInt32());
        var action = Assert.Single(confirmed.GetProperty("actions").EnumerateArray());
        Assert.Equal(("confirm", Registrator), (action.GetProperty("action").GetString(), action.GetProperty("actor").GetString()));

        var again = await Act(sequence, "confirm", new { changedBy = "Someone else" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already confirmed by Rut Registrator", (await again.Json()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain((await (await _client.GetAsync("/api/v1/registrator/inbox?municipality=2281&limit=1000")).Json())
            .GetProperty("items").EnumerateArray(), i => i.GetProperty("sequence").GetInt64() == sequence);
        Assert.Single((await (await _client.GetAsync("/api/v1/registrator/inbox?municipality=2281&state=confirmed&limit=1000")).Json())
            .GetProperty("items").EnumerateArray(), i => i.GetProperty("sequence").GetInt64() == sequence);
    }

    [Fact]
    public async Task AnnulAsTrivial_NeedsAReason_AndAnnulsTheCaseAndDocumentRegistrations()
    {
        var (mail, sequence) = await PostMailAsync("Reklam: billiga solceller");

        var noReason = await Act(sequence, "annul", new { changedBy = Registrator, reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains(("reason", "required"), (await noReason.Json()).Errors());

        var annulled = await (await Act(sequence, "annul", new { changedBy = Registrator, reason = "Ringa betydelse: reklam" })).Json();

        Assert.Equal("annulled", annulled.GetProperty("item").GetProperty("state").GetString());
        var registrations = (await mail.Details()).GetProperty("registrations").EnumerateArray().ToList();
        Assert.Equal(2, registrations.Count);
        Assert.All(registrations, r => Assert.Equal("Annulled", r.GetProperty("status").GetString()));
        Assert.All(registrations, r => Assert.Equal("Ringa betydelse: reklam", r.GetProperty("annulmentReason").GetString()));
    }

    [Fact]
    public async Task LinkToAnExistingCase_RegistersTheDocumentThere_AnnulsItsOwnRegistrations_AndMergesTheMailCase()
    {
        var existing = new Scenario(_client, "edp-future", $"E-{Guid.NewGuid():N}", "medborgarforslag");
        await existing.Post(existing.Event(CaseEventTypes.Opened, "Ditt förslag har kommit in", diaryEvent: true));
        var existingDetails = await existing.Details();
        var target = existingDetails.GetProperty("case").GetProperty("diarienummer").GetProperty("value").GetString()!;
        var (mail, sequence) = await PostMailAsync("Komplettering till mitt förslag");

        var unknown = await Act(sequence, "link", new { changedBy = Registrator, diarienummer = "KS 1999/999999" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains(("diarienummer", "known-diarienummer"), (await unknown.Json()).Errors());

        // Typed as people type it: lower case, an extra space.
        var linked = await (await Act(sequence, "link", new { changedBy = Registrator, diarienummer = target.ToLowerInvariant().Replace(" ", "  ", StringComparison.Ordinal), version = 1 })).Json();

        var item = linked.GetProperty("item");
        Assert.Equal("linked", item.GetProperty("state").GetString());
        Assert.Equal(target, item.GetProperty("diarienummer").GetString());
        Assert.Equal(existingDetails.GetProperty("case").GetProperty("id").GetString(), item.GetProperty("linkedCaseId").GetString());
        // The existing case's own opening was its document 1.
        Assert.Equal(2, item.GetProperty("documentNumber").GetInt32());
        var targetRegistrations = (await existing.Details()).GetProperty("registrations").EnumerateArray().ToList();
        var moved = Assert.Single(targetRegistrations, r => r.GetProperty("kind").GetString() == "Document" && r.GetProperty("documentNumber").GetInt32() == 2);
        Assert.Equal(("Komplettering till mitt förslag", "Active", target), (moved.GetProperty("description").GetString(), moved.GetProperty("status").GetString(), moved.GetProperty("diarienummer").GetString()));
        var mailCase = await (await _client.GetAsync($"/api/v1/cases/{item.GetProperty("caseId").GetString()}")).Json();
        Assert.Equal(existingDetails.GetProperty("case").GetProperty("id").GetString(), mailCase.GetProperty("case").GetProperty("mergedInto").GetString());
        var own = await (await _client.GetAsync($"/api/v1/diary?municipality=2281&q={Uri.EscapeDataString("Komplettering till mitt förslag")}")).Json();
        Assert.Contains(own.EnumerateArray(), r => r.GetProperty("status").GetString() == "Annulled"
            && r.GetProperty("annulmentReason").GetString() == $"Registrerad i ärende {target} som handling 2.");

        var sameCase = await Act(sequence, "link", new { changedBy = Registrator, diarienummer = target });
        Assert.Equal(HttpStatusCode.Conflict, sameCase.StatusCode);
    }

    [Fact]
    public async Task Reclassify_MovesTheCaseToTheNewUnitAndCaseTypeThroughAnEventEveryoneSees_KeepingTheDiarienummer()
    {
        var (mail, sequence) = await PostMailAsync("Ansökan om bygglov, Storgatan 5");
        var before = (await mail.Details()).GetProperty("case").GetProperty("diarienummer").GetProperty("value").GetString();

        var unknownType = await Act(sequence, "reclassify", new { changedBy = Registrator, caseType = "hundskatt" });
        Assert.Equal(HttpStatusCode.BadRequest, unknownType.StatusCode);
        Assert.Contains(("caseType", "known-case-type"), (await unknownType.Json()).Errors());
        var nothing = await Act(sequence, "reclassify", new { changedBy = Registrator });
        Assert.Contains(("unit", "required"), (await nothing.Json()).Errors());

        var moved = await (await Act(sequence, "reclassify", new { changedBy = Registrator, unit = new { id = "bygglov", name = "Bygglovsenheten" }, caseType = "bygglov" })).Json();

        Assert.Equal("bygglov", moved.GetProperty("item").GetProperty("unit").GetProperty("id").GetString());
        Assert.Equal("bygglov", moved.GetProperty("item").GetProperty("caseType").GetString());
        Assert.Equal("pending", moved.GetProperty("item").GetProperty("state").GetString());
        await Eventually.True(async () => (await mail.Details()).GetProperty("case").GetProperty("unit").GetProperty("id").GetString() == "bygglov", "the case to move to bygglov");
        var details = await mail.Details();
        Assert.Equal("bygglov", details.GetProperty("case").GetProperty("caseType").GetString());
        Assert.Equal(before, details.GetProperty("case").GetProperty("diarienummer").GetProperty("value").GetString());
        var timeline = await mail.Timeline();
        Assert.Equal("urn:integrationhub:registrator:2281", timeline[^1].GetProperty("event").GetProperty("source").GetString());
    }

    [Fact]
    public async Task Restriction_MarksTheRegistrations_SoThePublicDiaryWithholdsSenderAndSubject()
    {
        var (mail, sequence) = await PostMailAsync("Uppgifter om min hälsa");

        var noType = await Act(sequence, "restriction", new { changedBy = Registrator });
        Assert.Contains(("type", "required"), (await noType.Json()).Errors());

        var marked = await (await Act(sequence, "restriction", new { changedBy = Registrator, type = "Sekretess", legalReference = "OSL 25 kap. 1 §" })).Json();

        Assert.True(marked.GetProperty("item").GetProperty("restricted").GetBoolean());
        var registrations = (await mail.Details()).GetProperty("registrations").EnumerateArray().ToList();
        Assert.All(registrations, r =>
        {
            Assert.True(r.GetProperty("withheld").GetBoolean());
            Assert.False(r.TryGetProperty("description", out _));
            Assert.Equal("OSL 25 kap. 1 §", r.GetProperty("restriction").GetProperty("legalReference").GetString());
        });
    }

    [Fact]
    public async Task Contents_AreServedByTheirSha256_OnlyOnceAnEventReferencesThem()
    {
        var bytes = Encoding.UTF8.GetBytes("Hej! Här kommer ritningarna till bygglovet.");
        var stored = await hub.Services.GetRequiredService<IContentStore>().PutAsync(bytes, "text/plain", CancellationToken.None);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), stored.Sha256);

        // A file is as secret as the events that reference it: one no event references is served to nobody.
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync(stored.Reference)).StatusCode);
        var mail = new Scenario(_client, "mailbox", $"mail-{Guid.NewGuid():N}", "medborgarforslag");
        await mail.Post(mail.Event(CaseEventTypes.Opened, "Ditt e-postmeddelande har kommit in", diaryEvent: true, change: d => d with
        {
            Document = Scenario.IncomingDocument("Ritningar", "Märta Öhman") with
            {
                Attachments = [new Attachment("ritningar.txt", "text/plain", bytes.Length, stored.Sha256, stored.Reference)],
            },
        }));
        var response = await _client.GetAsync(stored.Reference);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/v1/contents/{new string('a', 64)}")).StatusCode);
    }

    [Fact]
    public async Task UnknownItem_IsNotFound()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/v1/registrator/inbox/999999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Act(999999999, "confirm", new { changedBy = Registrator })).StatusCode);
    }
}
