using System.Net;
using IntegrationHub.Hub.Tests.Infrastructure;

namespace IntegrationHub.Hub.Tests.Delivery;

/// <summary>The subscription samples in samples/subscriptions are accepted as they are by a hub with a broker and SMTP configured.</summary>
public sealed class SubscriptionSamplesTests(ChannelsHubFactory hub) : IClassFixture<ChannelsHubFactory>
{
    private readonly HttpClient _client = hub.CreateClient();

    public static TheoryData<string> Samples() => [.. RepositoryFiles.In("samples/subscriptions", "*.json").Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Sample_IsAccepted_AndReadsBackWithItsChannel(string sample)
    {
        var body = await File.ReadAllBytesAsync(RepositoryFiles.In("samples/subscriptions", sample).Single());

        var response = await _client.PostAsync("/api/v1/subscriptions", Http.Body(body, "application/json"));
        var created = await response.Json();

        Assert.True(response.StatusCode == HttpStatusCode.Created, created.ToString());
        var read = await (await _client.GetAsync($"/api/v1/subscriptions/{created.GetProperty("id").GetString()}")).Json();
        var expectedKind = System.Text.Json.JsonDocument.Parse(body).RootElement.TryGetProperty("channel", out var channel)
            ? channel.GetProperty("kind").GetString() : "feed";
        Assert.Equal(expectedKind, read.GetProperty("channel").GetProperty("kind").GetString());
    }
}
