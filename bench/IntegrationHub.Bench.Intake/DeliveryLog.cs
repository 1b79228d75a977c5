using System.Collections.Concurrent;

namespace IntegrationHub.Bench.Intake;

/// <summary>
/// What the webhook receiver got: the first arrival (a <see cref="System.Diagnostics.Stopwatch"/> timestamp) of each
/// (subscriber, webhook-id), how often each came again, and requests it could not attribute. Thread-safe.
/// </summary>
internal sealed class DeliveryLog
{
    private readonly ConcurrentDictionary<(int Hook, string Id), long> _first = new();
    private readonly ConcurrentDictionary<(int Hook, string Id), int> _repeats = new();
    private Expectation? _expectation;
    private long _requests;
    private long _unattributed;

    /// <summary>Every request the receiver answered.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Requests without a webhook-id header or to an unknown path.</summary>
    public long Unattributed => Interlocked.Read(ref _unattributed);

    /// <summary>Requests that repeated a (subscriber, webhook-id) already received.</summary>
    public long Repeats => _repeats.Values.Sum(n => (long)n);

    public void Record(int? hook, string? id, long timestamp)
    {
        Interlocked.Increment(ref _requests);
        if (hook is not { } h || string.IsNullOrEmpty(id))
        {
            Interlocked.Increment(ref _unattributed);
            return;
        }

        var key = (h, id);
        if (_first.TryAdd(key, timestamp))
        {
            Volatile.Read(ref _expectation)?.Arrived(key, timestamp);
        }
        else
        {
            _repeats.AddOrUpdate(key, 1, (_, n) => n + 1);
        }
    }

    /// <summary>
    /// Watches for every pair of <paramref name="hooks"/> × <paramref name="ids"/>; call before the events are posted.
    /// One expectation at a time: a new one replaces the previous.
    /// </summary>
    public Expectation Expect(IReadOnlyList<int> hooks, IReadOnlyList<string> ids)
    {
        var expectation = new Expectation(hooks, ids);
        Volatile.Write(ref _expectation, expectation);
        // Pairs that arrived before the watch was set (none when it is set before posting) still count.
        foreach (var hook in hooks)
        {
            foreach (var id in ids)
            {
                if (_first.TryGetValue((hook, id), out var at))
                {
                    expectation.Arrived((hook, id), at);
                }
            }
        }

        return expectation;
    }

    /// <summary>The first arrival of the pair, or null.</summary>
    public long? FirstArrival(int hook, string id) => _first.TryGetValue((hook, id), out var at) ? at : null;

    /// <summary>How many requests repeated an already received pair of these.</summary>
    public long RepeatsOf(IReadOnlyList<int> hooks, IReadOnlyList<string> ids) =>
        hooks.Sum(h => ids.Sum(id => (long)_repeats.GetValueOrDefault((h, id))));
}
