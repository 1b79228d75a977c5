using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Adapters.Platina.Inbound;
using IntegrationHub.Adapters.Platina.Tests.Support;

namespace IntegrationHub.Adapters.Platina.Tests.Inbound;

/// <summary>The cursor as checkpoint: pages follow "next", More says when to ask again at once.</summary>
public sealed class PlatinaSourcePagingTests : IDisposable
{
    private readonly PlatinaSimulator _platina = new();
    private readonly CancellationToken _token = CancellationToken.None;

    [Fact]
    public async Task FiveEventsInPagesOfTwo_ComeInThreeBatches_TheLastWithoutMore()
    {
        for (var i = 1; i <= 5; i++)
        {
            _platina.AddRegistered($"PL-2026-{i:D6}", $"MN 2026/{i}");
        }

        var options = TestOptions.For(_platina);
        options.PageSize = 2;
        var source = new PlatinaSource(TestOptions.Instance, options, TestOptions.Client(options), new InMemoryHub());

        var first = await source.ReceiveAsync(null, _token);
        var second = await source.ReceiveAsync(first.Checkpoint, _token);
        var third = await source.ReceiveAsync(second.Checkpoint, _token);
        var after = await source.ReceiveAsync(third.Checkpoint, _token);

        Assert.Equal([2, 2, 1, 0], new[] { first, second, third, after }.Select(b => b.Events.Count));
        Assert.Equal([true, true, false, false], new[] { first, second, third, after }.Select(b => b.More));
        Assert.Equal(["000000002", "000000004", "000000005", "000000005"], new[] { first, second, third, after }.Select(b => b.Checkpoint));
        Assert.Contains("GET /events", _platina.Requests);
        Assert.Equal(5, new[] { first, second, third }.SelectMany(b => b.Events).Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public async Task PlatinaDown_IsSourceUnavailable()
    {
        _platina.Down = true;
        var options = TestOptions.For(_platina);
        var source = new PlatinaSource(TestOptions.Instance, options, TestOptions.Client(options), new InMemoryHub());

        var error = await Assert.ThrowsAsync<SourceUnavailableException>(() => source.ReceiveAsync("000000001", _token));

        Assert.Contains("Platina is unavailable (503)", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _platina.Dispose();
}
