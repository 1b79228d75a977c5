using System.Net;
using System.Text;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Hub.Tests.Infrastructure;

namespace IntegrationHub.Hub.Tests.Statistics;

/// <summary>
/// <c>GET /api/v1/statistics</c> and <c>/api/v1/statistics.csv</c> on the real host, configured like Sundsvall
/// (nedskräpning: servicelöfte 10 working days; bygglov: 50). The hub's clock stands on Monday 23 November 2026,
/// so the default period is 24 November 2025 to 23 November 2026.
/// </summary>
public sealed class StatisticsApiTests(MunicipalHubFactory hub) : IClassFixture<MunicipalHubFactory>
{
    private readonly HttpClient _client = hub.CreateClient();

    [Fact]
    public async Task Statistics_CountCasesHandlingTimesAndServicePromises_OverTheDefaultPeriod()
    {
        var anmalan = new Scenario(_client, "edp-future", "MIL-2026-7001", "nedskrapning");
        await anmalan.Post(
            anmalan.Event(CaseEventTypes.Opened, "Din anmälan om nedskräpning har kommit in", diaryEvent: true, day: 1),
            anmalan.Event(CaseEventTypes.Paused, "Vi väntar på foton av platsen från dig",
                change: d => d with { Pause = new Pause { Reason = PauseReason.AwaitingApplicant, WaitingFor = "Anmälaren" } }, day: 3),
            anmalan.Event(CaseEventTypes.Resumed, "Fotona har kommit in", day: 8),
            anmalan.Event(CaseEventTypes.Decided, "Beslut om föreläggande att städa platsen", diaryEvent: true, day: 10,
                change: d => d with { Decision = new Decision { Outcome = DecisionOutcome.Approved, DecidedAt = d.Event.OccurredAt } }),
            anmalan.Event(CaseEventTypes.Closed, "Ditt ärende är avslutat", day: 11));
        var forgotten = new Scenario(_client, "edp-future", "MIL-2026-7002", "nedskrapning");
        await forgotten.Post(forgotten.Event(CaseEventTypes.Opened, "Din anmälan om nedskräpning har kommit in", diaryEvent: true, day: 1));

        var response = await _client.GetAsync("/api/v1/statistics?municipality=2281&caseType=nedskrapning");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Json();
        Assert.Equal("2025-11-24", report.GetProperty("period").GetProperty("from").GetString());
        Assert.Equal("2026-11-23", report.GetProperty("period").GetProperty("to").GetString());
        var totals = report.GetProperty("totals");
        Assert.Equal(2, totals.GetProperty("opened").GetInt32());
        Assert.Equal(1, totals.GetProperty("closed").GetInt32());
        Assert.Equal(1, totals.GetProperty("backlog").GetInt32());
        Assert.Equal(5m, totals.GetProperty("handlingTime").GetProperty("medianDays").GetDecimal()); // 10 days, 5 of them paused
        Assert.Equal(1, totals.GetProperty("servicePromises").GetProperty("kept").GetInt32());
        Assert.Equal(1, totals.GetProperty("servicePromises").GetProperty("broken").GetInt32());
        var group = Assert.Single(report.GetProperty("groups").EnumerateArray());
        Assert.Equal("nedskrapning", group.GetProperty("caseType").GetString());
        Assert.Equal(10, group.GetProperty("servicePromiseWorkingDays").GetInt32());
    }

    [Fact]
    public async Task StatisticsCsv_IsSemicolonSeparatedUtf8WithBom_WithAGroupRowAndATotalRow()
    {
        var bygglov = new Scenario(_client, "edp-future", "BYGG-2026-7101", "bygglov");
        await bygglov.Post(bygglov.Event(CaseEventTypes.Opened, "Din ansökan om bygglov har kommit in", diaryEvent: true, day: 1));

        var response = await _client.GetAsync("/api/v1/statistics.csv?municipality=2281&caseType=bygglov&from=2026-03-01&to=2026-03-31");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("statistik-2281-2026-03-01-2026-03-31.csv", response.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("Ärendetyp;Enhet;", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("bygglov;(saknas);50;1;0;1;", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("Totalt;;;1;0;1;", lines[2], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/statistics", "municipality", "required")]
    [InlineData("/api/v1/statistics?municipality=22811", "municipality", "pattern")]
    [InlineData("/api/v1/statistics?municipality=2281&from=2026-02-30", "from", "format")]
    [InlineData("/api/v1/statistics?municipality=2281&to=31/03/2026", "to", "format")]
    [InlineData("/api/v1/statistics?municipality=2281&from=2026-04-01&to=2026-03-31", "to", "range")]
    [InlineData("/api/v1/statistics?municipality=2281&caseType=", "caseType", "minLength")]
    [InlineData("/api/v1/statistics.csv?municipality=2281&from=2026-04-01&to=2026-03-31", "to", "range")]
    [InlineData("/api/v1/statistics.csv?from=2026-01-01", "municipality", "required")]
    public async Task InvalidParameter_Gives400NamingTheParameterAndTheRule(string url, string parameter, string rule)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([(parameter, rule)], (await response.Json()).Errors());
    }
}
