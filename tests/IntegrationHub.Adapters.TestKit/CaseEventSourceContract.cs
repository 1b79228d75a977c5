using IntegrationHub.Adapters.Abstractions;
using Xunit;

namespace IntegrationHub.Adapters.TestKit;

/// <summary>
/// The behaviour every <see cref="ICaseEventSource"/> must have, whatever its system: an adapter's test project derives
/// from this class and says how to make its harness. The poller relies on exactly these rules: an empty poll keeps the
/// checkpoint; a receive is repeatable from the same checkpoint (so a failure before the checkpoint was stored redelivers
/// the same events, with the same ids); after the checkpoint moved nothing comes twice; an unavailable far side throws
/// <see cref="SourceUnavailableException"/> and loses nothing; cancellation is honoured.
/// </summary>
public abstract class CaseEventSourceContract
{
    /// <summary>A fresh harness with an empty far side.</summary>
    protected abstract Task<ISourceHarness> CreateHarnessAsync();

    private static CancellationToken Token => CancellationToken.None;

    [Fact]
    public async Task An_empty_poll_returns_nothing_and_keeps_the_checkpoint()
    {
        await using var harness = await CreateHarnessAsync();
        var first = await harness.Source.ReceiveAsync(null, Token);
        Assert.Empty(first.Events);
        Assert.False(first.More);
        var second = await harness.Source.ReceiveAsync(first.Checkpoint, Token);
        Assert.Empty(second.Events);
        Assert.Equal(first.Checkpoint, second.Checkpoint);
    }

    [Fact]
    public async Task Received_events_are_not_received_again_after_the_checkpoint_moved()
    {
        await using var harness = await CreateHarnessAsync();
        var start = (await harness.Source.ReceiveAsync(null, Token)).Checkpoint;
        await harness.AddItemsAsync(3, Token);
        var received = await DrainAsync(harness.Source, start);
        Assert.True(received.Events.Count >= 3, $"3 items gave {received.Events.Count} events");
        Assert.Equal(received.Events.Count, received.Events.Select(Key).Distinct().Count());
        Assert.All(received.Events, e => Assert.False(string.IsNullOrWhiteSpace(e.Id)));

        var again = await harness.Source.ReceiveAsync(received.Checkpoint, Token);
        Assert.Empty(again.Events);
    }

    [Fact]
    public async Task A_receive_from_the_same_checkpoint_redelivers_the_same_events()
    {
        await using var harness = await CreateHarnessAsync();
        var start = (await harness.Source.ReceiveAsync(null, Token)).Checkpoint;
        await harness.AddItemsAsync(2, Token);
        var first = await harness.Source.ReceiveAsync(start, Token);
        Assert.NotEmpty(first.Events);

        // The hub failed to store them (or crashed) before the checkpoint was stored: the poller asks again.
        var second = await harness.Source.ReceiveAsync(start, Token);
        Assert.Equal(first.Events.Select(Key), second.Events.Select(Key));
        Assert.Equal(first.Checkpoint, second.Checkpoint);
    }

    [Fact]
    public async Task An_unavailable_far_side_throws_and_nothing_is_lost_when_it_is_back()
    {
        await using var harness = await CreateHarnessAsync();
        var start = (await harness.Source.ReceiveAsync(null, Token)).Checkpoint;
        await harness.AddItemsAsync(2, Token);
        harness.Fail();
        await Assert.ThrowsAsync<SourceUnavailableException>(() => harness.Source.ReceiveAsync(start, Token));

        harness.Recover();
        var received = await DrainAsync(harness.Source, start);
        Assert.True(received.Events.Count >= 2, $"2 items gave {received.Events.Count} events after the recovery");
    }

    [Fact]
    public async Task Acknowledging_twice_is_harmless()
    {
        await using var harness = await CreateHarnessAsync();
        var start = (await harness.Source.ReceiveAsync(null, Token)).Checkpoint;
        await harness.AddItemsAsync(1, Token);
        var batch = await harness.Source.ReceiveAsync(start, Token);
        await harness.Source.AcknowledgeAsync(batch, Token);
        await harness.Source.AcknowledgeAsync(batch, Token);
        var after = await harness.Source.ReceiveAsync(batch.Checkpoint, Token);
        Assert.DoesNotContain(after.Events, e => batch.Events.Any(b => Key(b) == Key(e)));
    }

    [Fact]
    public async Task Cancellation_is_honoured()
    {
        await using var harness = await CreateHarnessAsync();
        await harness.AddItemsAsync(1, Token);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Source.ReceiveAsync(null, cancelled.Token));
    }

    /// <summary>Receives (and acknowledges) until the source has no more, as the poller does.</summary>
    protected static async Task<SourceBatch> DrainAsync(ICaseEventSource source, string? checkpoint)
    {
        var events = new List<IntegrationHub.Canonical.Model.CaseEvent>();
        for (var round = 0; round < 1000; round++)
        {
            var batch = await source.ReceiveAsync(checkpoint, Token);
            events.AddRange(batch.Events);
            await source.AcknowledgeAsync(batch, Token);
            checkpoint = batch.Checkpoint;
            if (!batch.More)
            {
                return batch with { Events = events };
            }
        }

        throw new InvalidOperationException("The source still said More after 1000 batches.");
    }

    private static string Key(IntegrationHub.Canonical.Model.CaseEvent e) => $"{e.Source}|{e.Id}";
}
