using System.Net.Http.Json;
using System.Text.Json;
using IntegrationHub.Adapters.Polling;
using IntegrationHub.Hub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Hub.Tests.Polling;

/// <summary>The poller every polling adapter runs under, against the real hub and its store.</summary>
public sealed class SourcePollerTests : IDisposable
{
    private readonly PollingHubFactory _hub = new();

    public void Dispose() => _hub.Dispose();

    private SourcePoller Poller => _hub.Services.GetRequiredService<SourcePoller>();

    [Fact]
    public async Task Poll_PagesThroughTheSource_StoresEveryEventOnce_AndAPollWithNothingNewStoresNothing()
    {
        _hub.Source.Add([.. Enumerable.Range(1, 5).Select(i => TestEvents.Opened($"P-{i}", id: $"poll-{i}"))]);

        var first = await Poller.PollAsync(_hub.Source.Name, CancellationToken.None);
        var second = await Poller.PollAsync(_hub.Source.Name, CancellationToken.None);

        Assert.Equal(new PollOutcome(true, 3, 5, 0, null), first);
        Assert.Equal(new PollOutcome(true, 1, 0, 0, null), second);
        Assert.Equal(5, await FeedCountAsync());
        Assert.Equal(4, _hub.Source.Acknowledged);
    }

    [Fact]
    public async Task Poll_KilledAfterTheHubStoredABatchButBeforeItsCheckpoint_RedeliversIt_AndTheHubKeepsOneOfEach()
    {
        _hub.Source.Add([.. Enumerable.Range(1, 3).Select(i => TestEvents.Opened($"K-{i}", id: $"kill-{i}"))]);

        // The first page (2 events) is stored durably, then the poll dies before the checkpoint is written.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Poller.PollAsync(_hub.Source.Name, _hub.Crash.Arm()));
        Assert.Equal(2, await FeedCountAsync());

        var again = await Poller.PollAsync(_hub.Source.Name, CancellationToken.None);

        Assert.Equal(new PollOutcome(true, 2, 1, 2, null), again);
        Assert.Equal(3, await FeedCountAsync());
    }

    [Fact]
    public async Task Poll_WhileAnotherProcessHoldsTheLease_DoesNotRun_UntilTheLeaseRanOut()
    {
        _hub.Source.Add(TestEvents.Opened("L-1", id: "lease-1"));
        var other = ActivatorUtilities.CreateInstance<SourcePoller>(_hub.Services);

        Assert.True((await Poller.PollAsync(_hub.Source.Name, CancellationToken.None)).Ran);
        Assert.False((await other.PollAsync(_hub.Source.Name, CancellationToken.None)).Ran);

        // This process polls again and keeps its lease; the other takes over only once it stopped for LeaseDuration.
        Assert.True((await Poller.PollAsync(_hub.Source.Name, CancellationToken.None)).Ran);
        _hub.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.True((await other.PollAsync(_hub.Source.Name, CancellationToken.None)).Ran);
        Assert.False((await Poller.PollAsync(_hub.Source.Name, CancellationToken.None)).Ran);
        Assert.Equal(1, await FeedCountAsync());
    }

    [Fact]
    public async Task AdaptersApi_ShowsFailuresInARow_TheError_TheCircuit_AndRecovery()
    {
        using var client = _hub.CreateClient();
        var never = await InstanceAsync(client);
        Assert.Equal("never-run", never.GetProperty("state").GetString());

        _hub.Source.Add(TestEvents.Opened("H-1", id: "health-1"));
        _hub.Source.Unavailable = true;
        _hub.Circuit.Opened(_hub.Clock.GetUtcNow());
        var failed1 = await Poller.PollAsync(_hub.Source.Name, CancellationToken.None);
        var failed2 = await Poller.PollAsync(_hub.Source.Name, CancellationToken.None);
        var failing = await InstanceAsync(client);

        Assert.Contains("unavailable", failed1.Error, StringComparison.Ordinal);
        Assert.NotNull(failed2.Error);
        Assert.Equal("failing", failing.GetProperty("state").GetString());
        Assert.Equal(2, failing.GetProperty("consecutiveFailures").GetInt32());
        Assert.Equal("Open", failing.GetProperty("circuit").GetString());
        Assert.Contains("503", failing.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.True(IsNull(failing, "lastSuccessAt"));
        Assert.Equal(0, await FeedCountAsync());

        _hub.Source.Unavailable = false;
        _hub.Circuit.Closed();
        await Poller.PollAsync(_hub.Source.Name, CancellationToken.None);
        _hub.Clock.Advance(TimeSpan.FromSeconds(90));
        var ok = await InstanceAsync(client);

        Assert.Equal("ok", ok.GetProperty("state").GetString());
        Assert.Equal(0, ok.GetProperty("consecutiveFailures").GetInt32());
        Assert.Equal("Closed", ok.GetProperty("circuit").GetString());
        Assert.True(IsNull(ok, "lastError"));
        Assert.Equal(90, ok.GetProperty("lagSeconds").GetDouble());
        Assert.Equal(1, ok.GetProperty("events").GetInt64());
        Assert.Equal("1", ok.GetProperty("checkpoint").GetString());
        Assert.Equal("0 0/5 * * * ?", ok.GetProperty("schedule").GetString());
        Assert.Equal(1, await FeedCountAsync());
    }

    [Fact]
    public async Task Poll_WhenTheAdapterFailsUnexpectedly_RecordsTheFailureAndKeepsTheCheckpoint()
    {
        _hub.Source.Add(TestEvents.Opened("B-1", id: "bug-1"));
        _hub.Source.Broken = new InvalidOperationException("the mapping met an element it does not know");

        var failed = await Poller.PollAsync(_hub.Source.Name, CancellationToken.None);
        _hub.Source.Broken = null;
        var recovered = await Poller.PollAsync(_hub.Source.Name, CancellationToken.None);

        Assert.Equal("InvalidOperationException: the mapping met an element it does not know", failed.Error);
        Assert.Equal(1, (await Poller.ReadHealthAsync(_hub.Source.Name, CancellationToken.None)).Events);
        Assert.Equal(new PollOutcome(true, 1, 1, 0, null), recovered);
    }

    // The API leaves out what it does not know.
    private static bool IsNull(JsonElement e, string name) => !e.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null;

    private static async Task<JsonElement> InstanceAsync(HttpClient client)
    {
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/adapters");
        return list.EnumerateArray().Single(e => e.GetProperty("name").GetString() == "test/lista");
    }

    private async Task<int> FeedCountAsync()
    {
        using var client = _hub.CreateClient();
        var feed = await client.GetFromJsonAsync<JsonElement>("/api/v1/events?after=0&limit=100");
        return feed.GetProperty("items").GetArrayLength();
    }
}
