using System.Diagnostics;
using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Bench.Intake;

/// <summary>
/// Fan-out measurements against one running hub and the bench's webhook receiver. Every wait is bounded: a run gives up
/// when no new delivery arrived for a minute or after five minutes in all, and then reports what is missing.
/// </summary>
/// <param name="trace">When given (<c>--keep</c>), every delivery's times as CSV, for a closer look at the delivery path.</param>
internal sealed class FanoutScenarios(
    HubProcess hub, HubClient client, Scenarios scenarios, WebhookReceiver receiver, string backend, TextWriter progress, TextWriter? trace)
{
    /// <summary>The header of the trace file.</summary>
    public const string TraceHeader = "backend,run,subscribers,hook,event,accepted_ms,arrived_ms,arrived_utc";

    private const int BatchSize = 100;
    private const int IntakeClients = 2;
    private static readonly TimeSpan StallLimit = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(30);
    private int _lastHook;
    private int _run;

    /// <summary>Creates <paramref name="count"/> webhook subscriptions from now on, each with its own receiver path.</summary>
    public async Task<IReadOnlyList<Subscriber>> SubscribeAsync(int count, CancellationToken cancellationToken)
    {
        var subscribers = new List<Subscriber>(count);
        for (var i = 0; i < count; i++)
        {
            var hook = ++_lastHook;
            subscribers.Add(new Subscriber(hook, await client.CreateWebhookSubscriptionAsync($"bench-{hook}", receiver.HookUrl(hook), cancellationToken)));
        }

        return subscribers;
    }

    /// <summary>
    /// The hub's delivery counts of the subscriptions, summed, once none is pending or failing (a delivery is recorded
    /// just after its request was answered) or after 30 s; then deletes them.
    /// </summary>
    public async Task<DeliveryCounts> UnsubscribeAsync(IReadOnlyList<Subscriber> subscribers, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        DeliveryCounts total;
        while (true)
        {
            total = DeliveryCounts.Zero;
            foreach (var subscriber in subscribers)
            {
                total = total.Add(await client.GetDeliveryCountsAsync(subscriber.Id, cancellationToken));
            }

            if ((total.Pending == 0 && total.Failing == 0) || waited.Elapsed > SettleLimit)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken); // a bounded poll for the condition above
        }

        foreach (var subscriber in subscribers)
        {
            await client.DeleteSubscriptionAsync(subscriber.Id, cancellationToken);
        }

        return total;
    }

    /// <summary>
    /// Posts the events in batches of 100 from two clients as fast as they are accepted and waits until every subscriber
    /// has received every event. Delivered: from the first POST until the last subscriber got the last event.
    /// Correlated: until the pipeline had given the last event its caseId (the dispatcher serves only correlated events).
    /// </summary>
    public async Task<(ThroughputFigure Figure, Expectation Expectation)> ThroughputAsync(
        IReadOnlyList<Subscriber> subscribers, IReadOnlyList<CaseEvent> events, CancellationToken cancellationToken)
    {
        var batches = Scenarios.EncodeBatches(events, BatchSize);
        var expectation = receiver.Log.Expect([.. subscribers.Select(s => s.Hook)], [.. events.Select(e => e.Id)]);
        var (hubBefore, benchBefore) = (hub.CpuTime, BenchCpuTime());
        var (sequences, _, intakeSeconds, started) = await scenarios.PostAllAsync(batches, HubClient.Batch, IntakeClients, cancellationToken);
        var correlation = scenarios.WaitCorrelatedAsync(sequences, TimeSpan.FromMilliseconds(50), cancellationToken);
        await WaitAsync($"{subscribers.Count} subscriber(s), throughput", expectation, cancellationToken);
        var correlatedAt = await correlation;
        var wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await TraceAsync("throughput", subscribers, expectation.Ids, started, null);
        var delivered = Stopwatch.GetElapsedTime(started, expectation.LastArrival).TotalSeconds;
        var figure = new ThroughputFigure(backend, subscribers.Count, events.Count, intakeSeconds,
            Stopwatch.GetElapsedTime(started, correlatedAt).TotalSeconds, delivered,
            (hub.CpuTime - hubBefore).TotalSeconds / wall, (BenchCpuTime() - benchBefore).TotalSeconds / wall,
            expectation.Expected - expectation.Received, receiver.Log.RepeatsOf(expectation.Hooks, expectation.Ids));
        await progress.WriteLineAsync(
            $"[bench] {backend}: {subscribers.Count} subscriber(s), throughput: {figure.Events} events accepted in {Stats.F(intakeSeconds, 2)} s, " +
            $"correlated after {Stats.F(figure.CorrelatedSeconds, 2)} s, delivered to all after {Stats.F(delivered, 2)} s = " +
            $"{Stats.F(figure.EventsPerSecond, 0)} events/s, {Stats.F(figure.DeliveriesPerSecond, 0)} deliveries/s; missing {figure.Missing}, duplicates {figure.Duplicates}");
        return (figure, expectation);
    }

    /// <summary>
    /// Posts one event every 1/<paramref name="rate"/> s (open loop), and takes for every (event, subscriber) the time
    /// from the event's 202 until the receiver got it.
    /// </summary>
    public async Task<(LatencyFigure Figure, Expectation Expectation)> LatencyAsync(
        IReadOnlyList<Subscriber> subscribers, IReadOnlyList<CaseEvent> events, double rate, CancellationToken cancellationToken)
    {
        var payloads = Scenarios.EncodeSingles(events);
        var ids = events.Select(e => e.Id).ToArray();
        var expectation = receiver.Log.Expect([.. subscribers.Select(s => s.Hook)], ids);
        var accepted = new long[payloads.Length];
        var hubBefore = hub.CpuTime;
        var started = Stopwatch.GetTimestamp();
        var interval = TimeSpan.FromSeconds(1 / rate);

        async Task PostOneAsync(int i)
        {
            await client.PostAsync(payloads[i], HubClient.Structured, cancellationToken);
            accepted[i] = Stopwatch.GetTimestamp();
        }

        var posts = new List<Task>(payloads.Length);
        for (var i = 0; i < payloads.Length; i++)
        {
            var wait = (interval * i) - Stopwatch.GetElapsedTime(started);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            posts.Add(PostOneAsync(i));
        }

        await Task.WhenAll(posts);
        await WaitAsync($"{subscribers.Count} subscriber(s), paced {Stats.F(rate, rate < 10 ? 1 : 0)}/s", expectation, cancellationToken);
        var cores = (hub.CpuTime - hubBefore).TotalSeconds / Stopwatch.GetElapsedTime(started).TotalSeconds;
        await TraceAsync($"paced {Stats.F(rate, rate < 10 ? 1 : 0)}/s", subscribers, ids, started, accepted);
        var latencies = new List<double>(subscribers.Count * ids.Length);
        foreach (var subscriber in subscribers)
        {
            for (var i = 0; i < ids.Length; i++)
            {
                if (receiver.Log.FirstArrival(subscriber.Hook, ids[i]) is { } at)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(accepted[i], at).TotalMilliseconds);
                }
            }
        }

        var figure = new LatencyFigure(backend, subscribers.Count, rate, ids.Length, latencies.Count,
            Stats.Percentile(latencies, 50), Stats.Percentile(latencies, 99), latencies.Count > 0 ? latencies.Max() : double.NaN, cores,
            expectation.Expected - expectation.Received, receiver.Log.RepeatsOf(expectation.Hooks, expectation.Ids));
        await progress.WriteLineAsync(
            $"[bench] {backend}: {subscribers.Count} subscriber(s), paced {Stats.F(rate, rate < 10 ? 1 : 0)}/s: 202 → webhook p50 {Stats.F(figure.P50Milliseconds)} ms, " +
            $"p99 {Stats.F(figure.P99Milliseconds)} ms, max {Stats.F(figure.MaxMilliseconds)} ms over {figure.Samples} deliveries; missing {figure.Missing}, duplicates {figure.Duplicates}");
        return (figure, expectation);
    }

    private async Task TraceAsync(string run, IReadOnlyList<Subscriber> subscribers, IReadOnlyList<string> ids, long started, long[]? accepted)
    {
        _run++;
        if (trace is null)
        {
            return;
        }

        var startedUtc = TimeProvider.System.GetUtcNow() - Stopwatch.GetElapsedTime(started);
        string Utc(long timestamp) => (startedUtc + Stopwatch.GetElapsedTime(started, timestamp)).ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture);
        string Ms(long timestamp) => Stopwatch.GetElapsedTime(started, timestamp).TotalMilliseconds.ToString("F2", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var subscriber in subscribers)
        {
            for (var i = 0; i < ids.Count; i++)
            {
                var arrived = receiver.Log.FirstArrival(subscriber.Hook, ids[i]) is { } at ? $"{Ms(at)},{Utc(at)}" : ",";
                await trace.WriteLineAsync($"{backend},{_run} {run},{subscribers.Count},{subscriber.Hook},{i},{(accepted is null ? string.Empty : Ms(accepted[i]))},{arrived}");
            }
        }
    }

    /// <summary>The bench process's CPU time so far (the receiver, the clients and the runtime).</summary>
    private static TimeSpan BenchCpuTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    /// <summary>Waits until every expected delivery arrived, or gives up (bounded) and leaves the rest as missing.</summary>
    private async Task WaitAsync(string what, Expectation expectation, CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        var quiet = Stopwatch.StartNew();
        var lastReport = Stopwatch.StartNew();
        var seen = expectation.Received;
        while (!expectation.Done.IsCompleted)
        {
            using var tick = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = Task.Delay(TimeSpan.FromSeconds(1), tick.Token);
            await Task.WhenAny(expectation.Done, delay);
            await tick.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
            var received = expectation.Received;
            if (received != seen)
            {
                seen = received;
                quiet.Restart();
            }

            if (expectation.Done.IsCompleted)
            {
                break;
            }

            if (lastReport.Elapsed > ProgressEvery)
            {
                await progress.WriteLineAsync($"[bench] {backend}: {what}: {received} of {expectation.Expected} deliveries so far");
                lastReport.Restart();
            }

            if (quiet.Elapsed > StallLimit || total.Elapsed > RunLimit)
            {
                await progress.WriteLineAsync(
                    $"[bench] {backend}: {what}: giving up with {expectation.Expected - received} of {expectation.Expected} deliveries missing " +
                    $"({(quiet.Elapsed > StallLimit ? $"none arrived for {StallLimit.TotalSeconds} s" : $"after {RunLimit.TotalMinutes} min")}); see the hub's log and GET /api/v1/subscriptions/{{id}}/delivery");
                return;
            }
        }
    }
}
