using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Hub.Tests.Infrastructure;

namespace IntegrationHub.Hub.Tests.Diary;

/// <summary>Diarisation as a registrator sees it: numbers, löpnummer, secrecy in the public diary, corrections.</summary>
public sealed class DiaryRegistrationTests(MunicipalHubFactory hub) : IClassFixture<MunicipalHubFactory>
{
    private readonly HttpClient _client = hub.CreateClient();

    private async Task<List<JsonElement>> Diary(string query) =>
        [.. (await (await _client.GetAsync($"/api/v1/diary?municipality=2281&{query}")).Json()).EnumerateArray()];

    [Fact]
    public async Task OpenedBygglov_GetsASbnDiarienummerAndEachDiaryEventALopnummer_WrittenBackOntoTheEvents()
    {
        var bygglov = new Scenario(_client, "edp-future", "BYGG-9001", "bygglov");
        await bygglov.Post(bygglov.Event(CaseEventTypes.Opened, "Din ansökan om bygglov har kommit in", diaryEvent: true));
        await bygglov.Post(
            bygglov.Event(CaseEventTypes.StatusChanged, "Din ansökan handläggs nu"),
            bygglov.Event(CaseEventTypes.DocumentRegistered, "Komplettering har kommit in", diaryEvent: true,
                change: d => d with { Document = Scenario.IncomingDocument("Komplettering: reviderad situationsplan", "Anna Andersson") }));

        var details = await bygglov.Details();
        var diarienummer = details.GetProperty("case").GetProperty("diarienummer").GetProperty("value").GetString();
        Assert.Matches("^SBN-2026/[0-9]{4}$", diarienummer);
        var registrations = details.GetProperty("registrations").EnumerateArray().ToList();
        Assert.Equal(["Case", "Document", "Document"], registrations.Select(r => r.GetProperty("kind").GetString()));
        Assert.Equal([1, 2], registrations.Skip(1).Select(r => r.GetProperty("documentNumber").GetInt32()));
        Assert.All(registrations, r => Assert.Equal(diarienummer, r.GetProperty("diarienummer").GetString()));
        var supplement = registrations[2];
        Assert.Equal("Komplettering: reviderad situationsplan", supplement.GetProperty("description").GetString());
        Assert.Equal("Anna Andersson", supplement.GetProperty("correspondent").GetString());
        Assert.Equal("inkommen", supplement.GetProperty("direction").GetString());

        var timeline = await bygglov.Timeline();
        Assert.Equal(1, timeline[0].GetProperty("registration").GetProperty("documentNumber").GetInt32());
        Assert.Equal(diarienummer, timeline[1].GetProperty("registration").GetProperty("diarienummer").GetString());
        Assert.False(timeline[1].GetProperty("registration").TryGetProperty("documentNumber", out _));
        Assert.Equal(2, timeline[2].GetProperty("registration").GetProperty("documentNumber").GetInt32());
    }

    [Fact]
    public async Task DiaryFormats_PerDiary_AreUsedForNewCases()
    {
        var proposal = new Scenario(_client, "platina", "KS-PROP-1", "medborgarforslag");
        var littering = new Scenario(_client, "edp-future", "MIL-LIT-1", "nedskrapning");

        await proposal.Post(proposal.Event(CaseEventTypes.Opened, "Ditt medborgarförslag har kommit in", diaryEvent: true));
        await littering.Post(littering.Event(CaseEventTypes.Opened, "Din anmälan har kommit in", diaryEvent: true));

        Assert.Matches("^KS 2026/[0-9]+$", (await proposal.Details()).GetProperty("case").GetProperty("diarienummer").GetProperty("value").GetString());
        Assert.Matches("^2026-[0-9]{6}$", (await littering.Details()).GetProperty("case").GetProperty("diarienummer").GetProperty("value").GetString());
    }

    [Fact]
    public async Task RestrictedDocument_IsListedInThePublicDiaryWithSenderAndDescriptionWithheld_AlsoInCsvAndSearch()
    {
        var bygglov = new Scenario(_client, "edp-future", "BYGG-9002", "bygglov");
        await bygglov.Post(bygglov.Event(CaseEventTypes.Opened, "Din ansökan om bygglov har kommit in", diaryEvent: true));
        await bygglov.Post(bygglov.Event(CaseEventTypes.DocumentRegistered, "Ett yttrande har kommit in", diaryEvent: true, change: d => d with
        {
            Document = Scenario.IncomingDocument("Yttrande om grannens hälsotillstånd", "Bertil Granne"),
            Restriction = new Restriction { Type = RestrictionType.Sekretess, LegalReference = "OSL 25 kap. 1 §", MarkedBy = "Registrator Eva", MarkedAt = DateTimeOffset.Parse("2026-03-05T10:00:00+01:00", null) },
        }));
        var diarienummer = (await bygglov.Details()).GetProperty("case").GetProperty("diarienummer").GetProperty("value").GetString()!;

        var listed = (await Diary($"q={Uri.EscapeDataString(diarienummer)}")).Single(e => e.TryGetProperty("documentNumber", out var n) && n.GetInt32() == 2);
        Assert.True(listed.GetProperty("withheld").GetBoolean());
        Assert.False(listed.TryGetProperty("description", out _));
        Assert.False(listed.TryGetProperty("correspondent", out _));
        Assert.Equal("OSL 25 kap. 1 §", listed.GetProperty("restriction").GetProperty("legalReference").GetString());
        Assert.Empty(await Diary("q=h%C3%A4lsotillst%C3%A5nd"));
        Assert.Empty(await Diary("q=Bertil"));

        var csv = await _client.GetAsync($"/api/v1/diary.csv?municipality=2281&q={Uri.EscapeDataString(diarienummer)}");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3));
        Assert.StartsWith("\uFEFFDiarium;Diarienummer;Löpnummer;Datum", text, StringComparison.Ordinal);
        Assert.Contains($"SBN;{diarienummer};2;2026-03-02;", text, StringComparison.Ordinal);
        Assert.Contains(";Sekretess;Sekretess;Sekretess OSL 25 kap. 1 §;Aktiv", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Bertil", text, StringComparison.Ordinal);
        Assert.DoesNotContain("hälsotillstånd", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registration_CorrectedAndAnnulled_KeepsItsHistoryAndStaysListed()
    {
        var bygglov = new Scenario(_client, "edp-future", "BYGG-9003", "bygglov");
        await bygglov.Post(bygglov.Event(CaseEventTypes.Opened, "Din ansökan om bygglov har kommit in", diaryEvent: true));
        await bygglov.Post(bygglov.Event(CaseEventTypes.DocumentRegistered, "Reklamblad", diaryEvent: true,
            change: d => d with { Document = Scenario.IncomingDocument("Reklam för solpaneler", "Solbolaget AB") }));
        var document = (await bygglov.Details()).GetProperty("registrations")[2];
        var id = document.GetProperty("id").GetString();

        var corrected = await _client.PostAsJsonAsync($"/api/v1/diary/registrations/{id}/corrections",
            new { description = "Reklam för solpaneler (felaktigt diarieförd)", reason = "Rättad beskrivning", changedBy = "Registrator Eva" });
        var annulled = await _client.PostAsJsonAsync($"/api/v1/diary/registrations/{id}/annulment",
            new { reason = "Handling av ringa betydelse", changedBy = "Registrator Eva" });
        var again = await _client.PostAsJsonAsync($"/api/v1/diary/registrations/{id}/annulment",
            new { reason = "Igen", changedBy = "Registrator Eva" });
        var noReason = await _client.PostAsJsonAsync($"/api/v1/diary/registrations/{id}/corrections", new { description = "x", changedBy = "Eva" });

        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.Equal(HttpStatusCode.OK, annulled.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains(("reason", "required"), (await noReason.Json()).Errors());
        var history = await (await _client.GetAsync($"/api/v1/diary/registrations/{id}")).Json();
        Assert.Equal("Annulled", history.GetProperty("current").GetProperty("status").GetString());
        Assert.Equal("Handling av ringa betydelse", history.GetProperty("current").GetProperty("annulmentReason").GetString());
        Assert.Equal(3, history.GetProperty("current").GetProperty("version").GetInt32());
        var changes = history.GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal(["Rättad beskrivning", "Handling av ringa betydelse"], changes.Select(c => c.GetProperty("reason").GetString()));
        Assert.Equal("Reklam för solpaneler", changes[0].GetProperty("before").GetProperty("description").GetString());
        Assert.Contains(await Diary("q=solpaneler"), e => e.GetProperty("id").GetString() == id && e.GetProperty("status").GetString() == "Annulled");
        var unknown = await _client.PostAsJsonAsync($"/api/v1/diary/registrations/{Guid.NewGuid()}/annulment", new { reason = "x", changedBy = "y" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task EventClaimingAnotherDiarienummer_IsReportedAsAConflict_AndTheCaseKeepsItsNumber()
    {
        var bygglov = new Scenario(_client, "edp-future", "BYGG-9004", "bygglov");
        await bygglov.Post(bygglov.Event(CaseEventTypes.Opened, "Din ansökan om bygglov har kommit in", diaryEvent: true));
        var assigned = (await bygglov.Details()).GetProperty("case").GetProperty("diarienummer").GetProperty("value").GetString();

        await bygglov.Post(bygglov.Event(CaseEventTypes.StatusChanged, "Ärendet har fått nytt nummer",
            change: d => d with { Case = d.Case with { Diarienummer = new Diarienummer("SBN 2026/777") } }));

        Assert.Equal(assigned, (await bygglov.Details()).GetProperty("case").GetProperty("diarienummer").GetProperty("value").GetString());
        var conflicts = (await (await _client.GetAsync("/api/v1/diary/conflicts?municipality=2281")).Json()).EnumerateArray();
        Assert.Contains(conflicts, c => c.GetProperty("existing").GetString() == assigned && c.GetProperty("claimed").GetString() == "SBN 2026/777");
    }

    [Fact]
    public async Task SourceSystemDiary_RecordsPlatinasNumber_AndReportsAnotherSystemsDifferentNumber()
    {
        var inPlatina = new Scenario(_client, "platina", "FSK-1", "forskoleplats");
        await inPlatina.Post(inPlatina.Event(CaseEventTypes.Opened, "Din ansökan om förskoleplats har kommit in", diaryEvent: true,
            change: d => d with { Case = d.Case with { Diarienummer = new Diarienummer("BUN 2026/88") } }));
        var fromElsewhere = new Scenario(_client, "open-eplatform", "OEP-FSK-1", "forskoleplats");
        var caseId = await inPlatina.CaseId();
        await fromElsewhere.Post(fromElsewhere.Event(CaseEventTypes.StatusChanged, "Din ansökan handläggs", change: d => d with
        {
            Case = d.Case with { HubCaseId = Guid.Parse(caseId), Diarienummer = new Diarienummer("BUN 2026/99") },
        }));

        var details = await inPlatina.Details();
        var diarienummer = details.GetProperty("case").GetProperty("diarienummer");
        Assert.Equal("BUN 2026/88", diarienummer.GetProperty("value").GetString());
        Assert.Equal(2026, diarienummer.GetProperty("year").GetInt32());
        Assert.Equal(88, diarienummer.GetProperty("runningNumber").GetInt32());
        Assert.Empty(details.GetProperty("registrations").EnumerateArray());
        var conflicts = (await (await _client.GetAsync("/api/v1/diary/conflicts?municipality=2281")).Json()).EnumerateArray();
        Assert.Contains(conflicts, c => c.GetProperty("claimed").GetString() == "BUN 2026/99" && c.GetProperty("sourceSystem").GetString() == "open-eplatform");
    }

    [Fact]
    public async Task Correction_WithAValueOfTheWrongKind_Returns400NamingTheField()
    {
        var wrongEnum = await _client.PostAsync($"/api/v1/diary/registrations/{Guid.NewGuid()}/corrections",
            Http.Body(Encoding.UTF8.GetBytes("{\"direction\":\"sidledes\",\"reason\":\"x\",\"changedBy\":\"y\"}"), "application/json"));
        var malformed = await _client.PostAsync($"/api/v1/diary/registrations/{Guid.NewGuid()}/corrections",
            Http.Body(Encoding.UTF8.GetBytes("{\"reason\": oops}"), "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, wrongEnum.StatusCode);
        Assert.Contains(("/direction", "type"), (await wrongEnum.Json()).Errors());
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.EndsWith("/malformed-json", (await malformed.Json()).GetProperty("type").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/diary", "municipality", "required")]
    [InlineData("/api/v1/diary?municipality=2281&from=2026-05-01&to=2026-04-01", "to", "range")]
    [InlineData("/api/v1/diary/conflicts", "municipality", "required")]
    [InlineData("/api/v1/diary.csv?municipality=22", "municipality", "pattern")]
    public async Task Diary_BadQuery_Returns400NamingTheParameter(string url, string parameter, string rule)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains((parameter, rule), (await response.Json()).Errors());
    }
}
