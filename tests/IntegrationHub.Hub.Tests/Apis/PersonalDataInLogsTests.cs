using IntegrationHub.Hub.Tests.Infrastructure;

namespace IntegrationHub.Hub.Tests.Apis;

/// <summary>Personnummer, names and case text never reach the logs, whatever path the data took.</summary>
public sealed class PersonalDataInLogsTests(HubFactory hub) : IClassFixture<HubFactory>
{
    [Fact]
    public async Task Logs_AfterIntakePipelineAndTimelineQueries_HoldNoPersonalData()
    {
        var client = hub.CreateClient();
        await client.PostEvent(TestEvents.Json(TestEvents.ConcerningChild("PII-1", DateTimeOffset.Parse("2026-05-01T08:00:00+02:00", null))));
        var bad = TestEvents.Opened("PII-2");
        await client.PostEvent(TestEvents.Json(bad with { Data = bad.Data with { Parties = [bad.Data.Parties![0] with { Identity = new(Canonical.Model.IdentityType.Personnummer, "191212121213") }] } }));
        await Eventually.True(async () => (await (await client.GetAsync("/api/v1/cases?municipality=2281&sourceSystem=open-eplatform&sourceCaseId=PII-1")).Json()).GetArrayLength() == 1,
            "the pipeline to build the case");
        await client.GetAsync($"/api/v1/people/{TestEvents.Applicant}/events?municipality=2281");
        await client.GetAsync($"/api/v1/people/{TestEvents.Child}/events?municipality=2281");
        await client.GetAsync("/api/v1/people/191212121213/events?municipality=2281");

        Assert.NotEmpty(hub.Logs.Lines);
        foreach (var secret in new[] { TestEvents.Applicant, TestEvents.Child, "191212121213", "1212121212", "Tolvan", "förskoleplats", "Ansökan om" })
        {
            Assert.DoesNotContain(hub.Logs.Lines, line => line.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }
}
