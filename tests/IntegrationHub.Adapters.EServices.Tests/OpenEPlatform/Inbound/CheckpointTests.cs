using System.Text.Json;
using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Adapters.EServices.OpenEPlatform;
using IntegrationHub.Adapters.EServices.OpenEPlatform.Inbound;
using IntegrationHub.Adapters.EServices.Tests.OpenEPlatform.Support;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationHub.Adapters.EServices.Tests.OpenEPlatform.Inbound;

/// <summary>The from-date checkpoint with the boundary day's emitted ids: paging, same-day re-reads, failures.</summary>
public sealed class CheckpointTests : IDisposable
{
    private static readonly TimeSpan Cet = TimeSpan.FromHours(1);
    private readonly OpenEPlatformSimulator _platform = new();
    private readonly InMemoryHub _hub = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 8, 0, 0, TimeSpan.Zero));
    private readonly CancellationToken _token = CancellationToken.None;

    private OpenEPlatformSource Source(Action<OpenEPlatformOptions>? configure = null)
    {
        var options = TestOptions.For(_platform);
        options.Families.Remove("205");
        configure?.Invoke(options);
        return new OpenEPlatformSource(TestOptions.Instance, options, TestOptions.Connection(options).Instances, _hub, _time);
    }

    private void Submit(int id, DateTimeOffset at) => _platform.AddGenerated(101, id, at);

    [Fact]
    public async Task TheFirstPoll_AsksFromStartDateToTomorrow_AndTheCheckpointKeepsTheBoundaryDaysIds()
    {
        Submit(1, new DateTimeOffset(2026, 3, 2, 10, 0, 0, Cet));
        Submit(2, new DateTimeOffset(2026, 3, 3, 9, 0, 0, Cet));
        Submit(3, new DateTimeOffset(2026, 3, 3, 23, 30, 0, Cet));

        var batch = await Source().ReceiveAsync(null, _token);

        Assert.Equal(["oep-1-submitted", "oep-2-submitted", "oep-3-submitted"], batch.Events.Select(e => e.Id));
        Assert.Contains("GET /api/instanceapi/getinstances/family/101?fromDate=2026-03-01&toDate=2026-03-05", _platform.Requests);
        using var checkpoint = JsonDocument.Parse(batch.Checkpoint!);
        var family = checkpoint.RootElement.GetProperty("families").GetProperty("101");
        Assert.Equal("2026-03-03", family.GetProperty("from").GetString());
        Assert.Equal([2, 3], family.GetProperty("seen").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public async Task TheSameDayReadAgain_EmitsNothingTwice_ButALaterSubmissionThatDay()
    {
        var source = Source();
        Submit(10, new DateTimeOffset(2026, 3, 4, 7, 0, 0, Cet));
        var first = await source.ReceiveAsync(null, _token);

        var again = await source.ReceiveAsync(first.Checkpoint, _token);
        Submit(11, new DateTimeOffset(2026, 3, 4, 8, 30, 0, Cet));
        var later = await source.ReceiveAsync(first.Checkpoint, _token);

        Assert.Equal(["oep-10-submitted"], first.Events.Select(e => e.Id));
        Assert.Empty(again.Events);
        Assert.Equal(first.Checkpoint, again.Checkpoint);
        Assert.Equal(["oep-11-submitted"], later.Events.Select(e => e.Id));
        Assert.Contains("\"seen\":[10,11]", later.Checkpoint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MoreThanABatch_IsReadOldestFirstAcrossPolls_WithMoreSet()
    {
        for (var id = 20; id < 25; id++)
        {
            Submit(id, new DateTimeOffset(2026, 3, 2, 8, 0, 0, Cet).AddHours(id - 20));
        }

        var source = Source(o => o.BatchSize = 2);
        var ids = new List<string>();
        var checkpoint = (string?)null;
        var rounds = 0;
        SourceBatch batch;
        do
        {
            batch = await source.ReceiveAsync(checkpoint, _token);
            ids.AddRange(batch.Events.Select(e => e.Id));
            checkpoint = batch.Checkpoint;
            rounds++;
        }
        while (batch.More);

        Assert.Equal(3, rounds);
        Assert.Equal(["oep-20-submitted", "oep-21-submitted", "oep-22-submitted", "oep-23-submitted", "oep-24-submitted"], ids);
        Assert.Empty((await source.ReceiveAsync(checkpoint, _token)).Events);
    }

    [Fact]
    public async Task AnUnavailablePlatform_FailsTheWholeBatch_AndTheSameCheckpointReadsEverythingLater()
    {
        Submit(30, new DateTimeOffset(2026, 3, 2, 8, 0, 0, Cet));
        var source = Source();
        _platform.Down = true;

        var failure = await Assert.ThrowsAsync<SourceUnavailableException>(() => source.ReceiveAsync(null, _token));
        _platform.Down = false;
        var batch = await source.ReceiveAsync(null, _token);

        Assert.Contains("unavailable (503)", failure.Message, StringComparison.Ordinal);
        Assert.Equal(["oep-30-submitted"], batch.Events.Select(e => e.Id));
    }

    [Fact]
    public async Task AFewFailedAttempts_AreRetriedInsideOnePoll()
    {
        Submit(40, new DateTimeOffset(2026, 3, 2, 8, 0, 0, Cet));
        _platform.FailNext(2, 503);

        var batch = await Source().ReceiveAsync(null, _token);

        Assert.Single(batch.Events);
    }

    [Fact]
    public async Task AnInstanceWithoutPdf_IsRegisteredWithItsXml_AndAWrongPasswordNamesTheSetting()
    {
        Submit(50, new DateTimeOffset(2026, 3, 2, 8, 0, 0, Cet));

        var batch = await Source().ReceiveAsync(null, _token);
        var refused = await Assert.ThrowsAsync<SourceUnavailableException>(() => Source(o => o.Password = "wrong").ReceiveAsync(null, _token));

        Assert.Equal(["oep-50.xml"], batch.Events[0].Data.Document!.Attachments!.Select(a => a.Name));
        Assert.Contains("Adapters:OpenEPlatform:sundsvall:Password", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(OpenEPlatformSimulator.Password, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStatusFilter_IsThePathSegment_AndAnUnreadableCheckpointIsReported()
    {
        var source = Source(o => o.Families["101"].Status = "Inskickat");

        await source.ReceiveAsync(null, _token);
        var broken = await Assert.ThrowsAsync<SourceUnavailableException>(() => source.ReceiveAsync("{not json", _token));

        Assert.Contains(_platform.Requests, r => r.StartsWith("GET /api/instanceapi/getinstances/family/101/Inskickat?", StringComparison.Ordinal));
        Assert.Contains("checkpoint of open-eplatform/sundsvall", broken.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _platform.Dispose();
}
