using System.Net;
using System.Text;
using IntegrationHub.Hub.Tests.Infrastructure;

namespace IntegrationHub.Hub.Tests.Apis;

public sealed class IntakeLimitsTests(IntakeLimitsTests.SmallLimitsHub hub) : IClassFixture<IntakeLimitsTests.SmallLimitsHub>
{
    public sealed class SmallLimitsHub : HubFactory
    {
        public SmallLimitsHub()
        {
            Settings["Hub:Intake:MaxRequestBytes"] = "8192";
            Settings["Hub:Intake:MaxBatchSize"] = "2";
        }
    }

    private readonly HttpClient _client = hub.CreateClient();

    [Fact]
    public async Task Post_BodyOverTheConfiguredLimit_Returns413WithTheLimit()
    {
        var huge = Encoding.UTF8.GetBytes("{\"padding\":\"" + new string('x', 10_000) + "\"}");

        var response = await _client.PostEvent(huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(8192, (await response.Json()).GetProperty("limit").GetInt32());
    }

    [Fact]
    public async Task Post_BatchOverTheConfiguredSize_Returns413AndStoresNothing()
    {
        var events = new[] { TestEvents.Opened("LIM-1"), TestEvents.Opened("LIM-2"), TestEvents.Opened("LIM-3") };

        var response = await _client.PostAsync("/api/v1/events", Http.Body(TestEvents.Batch(events), "application/cloudevents-batch+json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(2, (await response.Json()).GetProperty("limit").GetInt32());
        var feed = await (await _client.GetAsync("/api/v1/events?after=0")).Json();
        Assert.Equal(0, feed.GetProperty("items").GetArrayLength());
    }
}
