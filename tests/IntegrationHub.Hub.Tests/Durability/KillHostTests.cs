using System.Collections.Concurrent;
using System.Net;
using IntegrationHub.Hub.Tests.Infrastructure;

namespace IntegrationHub.Hub.Tests.Durability;

/// <summary>Kills the real hub process with SIGKILL while clients post events, then checks what survived.</summary>
public sealed class KillHostTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("ihub-kill-").FullName;
    private readonly HttpClient _client = HostProcess.NewClient(TimeSpan.FromSeconds(30));

    [Fact]
    public async Task Kill_WhilePosting_LosesNoAcknowledgedEvent_AndThePipelineFinishesAfterRestart()
    {
        var acknowledged = new ConcurrentDictionary<string, long>();
        for (var round = 0; round < 3; round++)
        {
            await using var host = HostProcess.Start($"--Hub:Storage:DataDirectory={_dataDirectory}");
            await host.WaitUntilHealthyAsync(_client);

            using var stop = new CancellationTokenSource();
            var senders = Enumerable.Range(0, 4).Select(sender => Send(host.BaseAddress, $"r{round}s{sender}", acknowledged, stop.Token)).ToList();
            var target = acknowledged.Count + 60 + (round * 25);
            await Eventually.True(() => Task.FromResult(acknowledged.Count >= target), $"{target} acknowledged events");

            host.Kill();
            await stop.CancelAsync();
            await Task.WhenAll(senders);
        }

        await using var survivor = HostProcess.Start($"--Hub:Storage:DataDirectory={_dataDirectory}");
        await survivor.WaitUntilHealthyAsync(_client);
        var stored = await ReadWholeFeed(survivor.BaseAddress);

        var storedIds = stored.Select(e => e.Id).ToList();
        Assert.Equal(storedIds.Count, storedIds.Distinct().Count());
        Assert.Empty(acknowledged.Keys.Except(storedIds));
        Assert.All(acknowledged, a => Assert.Equal(a.Value, stored.Single(s => s.Id == a.Key).Sequence));

        // Every stored event, also those queued just before a kill, reaches its case.
        await Eventually.True(async () => (await ReadWholeFeed(survivor.BaseAddress)).All(e => e.CaseId is not null),
            "the pipeline to correlate every stored event with its case", TimeSpan.FromSeconds(60));
    }

    private async Task Send(Uri hub, string prefix, ConcurrentDictionary<string, long> acknowledged, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var caseEvent = TestEvents.Opened($"{prefix}-{i % 7}", id: $"{prefix}-{i}");
            try
            {
                var response = await _client.PostAsync(new Uri(hub, "/api/v1/events"), Http.Body(TestEvents.Json(caseEvent), "application/cloudevents+json"), stop);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    var sequence = (await response.Json()).GetProperty("accepted")[0].GetProperty("sequence").GetInt64();
                    acknowledged[caseEvent.Id] = sequence;
                }
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
            {
                return; // the hub died under us: whatever was not acknowledged may or may not be stored
            }
        }
    }

    private async Task<List<(string Id, long Sequence, string? CaseId)>> ReadWholeFeed(Uri hub)
    {
        var all = new List<(string, long, string?)>();
        long after = 0;
        while (true)
        {
            var page = await (await _client.GetAsync(new Uri(hub, $"/api/v1/events?after={after}&limit=1000"))).Json();
            var items = page.GetProperty("items").EnumerateArray().ToList();
            if (items.Count == 0)
            {
                return all;
            }

            all.AddRange(items.Select(i => (
                i.GetProperty("event").GetProperty("id").GetString()!,
                i.GetProperty("sequence").GetInt64(),
                i.TryGetProperty("caseId", out var caseId) ? caseId.GetString() : null)));
            after = page.GetProperty("lastSequence").GetInt64();
        }
    }

    public void Dispose()
    {
        _client.Dispose();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}
