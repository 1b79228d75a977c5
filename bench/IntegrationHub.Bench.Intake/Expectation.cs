namespace IntegrationHub.Bench.Intake;

/// <summary>
/// The (subscriber, webhook-id) pairs one run waits for: completes when each has arrived once, and keeps the latest
/// first arrival (when the last subscriber had the last event). Thread-safe.
/// </summary>
internal sealed class Expectation
{
    private readonly HashSet<(int Hook, string Id)> _pairs;
    private readonly HashSet<(int Hook, string Id)> _arrived = [];
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _lock = new();
    private long _lastArrival;

    public Expectation(IReadOnlyList<int> hooks, IReadOnlyList<string> ids)
    {
        _pairs = [.. hooks.SelectMany(h => ids.Select(id => (h, id)))];
        Hooks = hooks;
        Ids = ids;
        Expected = _pairs.Count;
        if (Expected == 0)
        {
            _done.SetResult();
        }
    }

    public IReadOnlyList<int> Hooks { get; }

    public IReadOnlyList<string> Ids { get; }

    public int Expected { get; }

    /// <summary>Pairs received so far.</summary>
    public int Received
    {
        get
        {
            lock (_lock)
            {
                return _arrived.Count;
            }
        }
    }

    /// <summary>The Stopwatch timestamp of the latest first arrival so far.</summary>
    public long LastArrival
    {
        get
        {
            lock (_lock)
            {
                return _lastArrival;
            }
        }
    }

    /// <summary>Completes when every pair has arrived.</summary>
    public Task Done => _done.Task;

    public void Arrived((int Hook, string Id) pair, long timestamp)
    {
        lock (_lock)
        {
            if (!_pairs.Contains(pair) || !_arrived.Add(pair))
            {
                return;
            }

            _lastArrival = Math.Max(_lastArrival, timestamp);
            if (_arrived.Count == Expected)
            {
                _done.TrySetResult();
            }
        }
    }
}
