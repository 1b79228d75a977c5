using System.Net;
using System.Text;
using IntegrationHub.Hub.Tests.Infrastructure;

namespace IntegrationHub.Hub.Tests.Delivery;

/// <summary>Channel settings that need a configured broker or SMTP server, checked on a hub that has both.</summary>
public sealed class ConfiguredChannelApiTests(ChannelsHubFactory hub) : IClassFixture<ChannelsHubFactory>
{
    private readonly HttpClient _client = hub.CreateClient();

    [Theory]
    [InlineData("""{"kind":"rabbitMq","rabbitMq":{}}""", "/channel/rabbitMq/exchange", "pattern")]
    [InlineData("""{"kind":"rabbitMq","rabbitMq":{"exchange":"amq.topic"}}""", "/channel/rabbitMq/exchange", "pattern")]
    [InlineData("""{"kind":"rabbitMq","rabbitMq":{"exchange":"med mellanslag"}}""", "/channel/rabbitMq/exchange", "pattern")]
    [InlineData("""{"kind":"rabbitMq","rabbitMq":{"broker":"other","exchange":"kommun.arenden"}}""", "/channel/rabbitMq/broker", "configured")]
    [InlineData("""{"kind":"email","email":{}}""", "/channel/email/loginUrl", "format")]
    [InlineData("""{"kind":"email","email":{"loginUrl":"minasidor"}}""", "/channel/email/loginUrl", "format")]
    public async Task Create_WithBadSettingsOfAConfiguredChannel_Is400NamingTheFieldAndRule(string channel, string field, string rule)
    {
        var body = Encoding.UTF8.GetBytes($$"""{"municipality":"2281","name":"Portal","channel":{{channel}}}""");

        var response = await _client.PostAsync("/api/v1/subscriptions", Http.Body(body, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains((field, rule), (await response.Json()).Errors());
    }

    [Fact]
    public async Task Update_WithABadChannel_Is400_AndKeepsTheSubscriptionAsItWas()
    {
        var created = await (await _client.PostAsync("/api/v1/subscriptions", Http.Body(
            """{"municipality":"2281","name":"Portal","channel":{"kind":"email","email":{"loginUrl":"https://minasidor.sundsvall.example"}}}"""u8.ToArray(), "application/json"))).Json();
        var id = created.GetProperty("id").GetString();

        var response = await _client.PutAsync($"/api/v1/subscriptions/{id}", Http.Body(
            """{"name":"Portal","version":1,"channel":{"kind":"webhook","webhook":{"url":"ftp://x"}}}"""u8.ToArray(), "application/json"));
        var read = await (await _client.GetAsync($"/api/v1/subscriptions/{id}")).Json();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(("/channel/webhook/url", "format"), (await response.Json()).Errors());
        Assert.Equal("email", read.GetProperty("channel").GetProperty("kind").GetString());
        Assert.Equal(1, read.GetProperty("version").GetInt32());
    }
}
