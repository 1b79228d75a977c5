using IntegrationHub.Canonical.Model;
using IntegrationHub.Hub.Tests.Infrastructure;

namespace IntegrationHub.Hub.Tests.Diary;

/// <summary>Diarisation through the whole hub on the scale-out backend.</summary>
public sealed class PostgreSqlDiaryTests(PostgreSqlMunicipalHubFactory hub) : IClassFixture<PostgreSqlMunicipalHubFactory>
{
    [Fact]
    public async Task ManyCasesAtOnce_OnPostgreSql_GetGapFreeDiarienummerAndTheirLopnummer()
    {
        var client = hub.CreateClient();
        var cases = Enumerable.Range(1, 12).Select(i => new Scenario(client, "edp-future", $"PG-BYGG-{i}", "bygglov")).ToList();

        await Task.WhenAll(cases.Select(c => c.Post(
            c.Event(CaseEventTypes.Opened, "Din ansökan om bygglov har kommit in", diaryEvent: true),
            c.Event(CaseEventTypes.DocumentRegistered, "Ritningar har kommit in", diaryEvent: true,
                change: d => d with { Document = Scenario.IncomingDocument("Fasadritningar", "Arkitektbyrån AB") }))));

        var numbers = new List<int>();
        foreach (var c in cases)
        {
            var details = await c.Details();
            var diarienummer = details.GetProperty("case").GetProperty("diarienummer");
            Assert.Matches("^SBN-2026/[0-9]{4}$", diarienummer.GetProperty("value").GetString());
            numbers.Add(diarienummer.GetProperty("runningNumber").GetInt32());
            Assert.Equal([1, 2], details.GetProperty("registrations").EnumerateArray().Skip(1).Select(r => r.GetProperty("documentNumber").GetInt32()));
        }

        Assert.Equal(Enumerable.Range(1, 12), numbers.Order());
    }
}
