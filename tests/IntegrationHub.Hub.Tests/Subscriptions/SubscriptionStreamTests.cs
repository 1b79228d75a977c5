using System.Net.Http.Json;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Hub.Tests.Infrastructure;

namespace IntegrationHub.Hub.Tests.Subscriptions;

/// <summary>The live Server-Sent Events stream, and resuming it from Last-Event-ID.</summary>
public sealed class SubscriptionStreamTests(HubFactory hub) : IClassFixture<HubFactory>
{
    private readonly HttpClient _client = hub.CreateClient();

    private async Task<List<(string Id, string Type, string Data)>> Read(string url, int count, string? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var items = new List<(string, string, string)>();
        string? id = null, type = null, data = null;
        while (items.Count < count && await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Length == 0 && data is not null)
            {
                items.Add((id!, type!, data));
                (id, type, data) = (null, null, null);
            }
            else if (line.StartsWith("id: ", StringComparison.Ordinal)) { id = line[4..]; }
            else if (line.StartsWith("event: ", StringComparison.Ordinal)) { type = line[7..]; }
            else if (line.StartsWith("data: ", StringComparison.Ordinal)) { data = line[6..]; }
        }

        return items;
    }

    [Fact]
    public async Task Stream_SendsEachEventWithItsSequenceAsId_AndResumesAfterLastEventId()
    {
        var id = (await (await _client.PostAsJsonAsync("/api/v1/subscriptions", new { municipality = "2281", name = "Live", startFrom = "beginning", filter = new { classificationCeiling = "internal" } })).Json()).GetProperty("id").GetString();
        var scenario = new Scenario(_client, "edp-future", "SSE-1", "va-anslutning");
        await scenario.Post(
            scenario.Event(CaseEventTypes.Opened, "Din ansökan har kommit in"),
            scenario.Event(CaseEventTypes.StatusChanged, "Din ansökan handläggs nu"),
            scenario.Event(CaseEventTypes.Closed, "Ärendet är avslutat"));

        var firstTwo = await Read($"/api/v1/subscriptions/{id}/stream", 2);
        var rest = await Read($"/api/v1/subscriptions/{id}/stream", 1, lastEventId: firstTwo[1].Id);

        Assert.Equal([CaseEventTypes.Opened, CaseEventTypes.StatusChanged], firstTwo.Select(i => i.Type));
        Assert.Equal(CaseEventTypes.Closed, rest[0].Type);
        Assert.True(long.Parse(rest[0].Id, System.Globalization.CultureInfo.InvariantCulture) > long.Parse(firstTwo[1].Id, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("Ärendet är avslutat", rest[0].Data, StringComparison.Ordinal);
    }
}
