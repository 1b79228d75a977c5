using System.Net;
using IntegrationHub.Hub.Tests.Infrastructure;

namespace IntegrationHub.Hub.Tests.Apis;

/// <summary>The same intake → pipeline → store path on the scale-out backend.</summary>
public sealed class PostgreSqlBackendTests(PostgreSqlHubFactory hub) : IClassFixture<PostgreSqlHubFactory>
{
    private readonly HttpClient _client = hub.CreateClient();

    [Fact]
    public async Task Intake_OnPostgreSql_StoresDeduplicatesAndThePipelineBuildsTheCase()
    {
        var opened = TestEvents.Opened("PGB-1");
        var changed = TestEvents.StatusChanged("PGB-1", DateTimeOffset.Parse("2026-03-04T09:00:00+01:00", null));

        var first = await _client.PostAsync("/api/v1/events", Http.Body(TestEvents.Batch(opened, changed), "application/cloudevents-batch+json"));
        var again = await _client.PostEvent(TestEvents.Json(opened));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.True((await again.Json()).GetProperty("accepted")[0].GetProperty("duplicate").GetBoolean());
        await Eventually.True(async () =>
        {
            var cases = await (await _client.GetAsync("/api/v1/cases?municipality=2281&sourceSystem=edp-future&sourceCaseId=PGB-1")).Json();
            return cases.GetArrayLength() == 1 && cases[0].GetProperty("lastSequence").GetInt64() == (await first.Json()).GetProperty("accepted")[1].GetProperty("sequence").GetInt64();
        }, "the pipeline on PostgreSQL to apply both events");
        var health = await (await _client.GetAsync("/health")).Json();
        Assert.Equal(2, health.GetProperty("lastSequence").GetInt64());
    }
}
