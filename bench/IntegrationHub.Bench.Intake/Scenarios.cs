using System.Collections.Concurrent;
using System.Diagnostics;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Canonical.Serialization;

namespace IntegrationHub.Bench.Intake;

/// <summary>
/// The measurements against one running hub. Every loop is bounded by a count and a timeout;
/// every payload is encoded before its clock starts, so the figures are the hub's (and the
/// loopback's), not the bench's JSON writer.
/// </summary>
internal sealed class Scenarios(HubProcess hub, HubClient client, string backend, TextWriter progress)
{
    private static readonly TimeSpan CorrelationTimeout = TimeSpan.FromMinutes(3);

    public static byte[][] EncodeSingles(IReadOnlyList<CaseEvent> events) =>
        [.. events.Select(CaseEventFormatter.EncodeStructured)];

    public static byte[][] EncodeBatches(IReadOnlyList<CaseEvent> events, int size) =>
        [.. events.Chunk(size).Select(CaseEventFormatter.EncodeBatch)];

    /// <summary>
    /// Posts every payload with <paramref name="clients"/> concurrent clients, each taking the next
    /// payload as soon as its previous request was answered, then waits (not timed) until the
    /// pipeline has correlated every accepted event, so the next scenario starts on an idle hub.
    /// </summary>
    public async Task<IntakeFigure> IntakeAsync(string scenario, byte[][] payloads, string contentType, int clients, CancellationToken cancellationToken)
    {
        var cpuBefore = hub.CpuTime;
        var (sequences, latencies, seconds, _) = await PostAllAsync(payloads, contentType, clients, cancellationToken);
        var cores = (hub.CpuTime - cpuBefore).TotalSeconds / seconds;
        var intakeEnded = Stopwatch.GetTimestamp();
        var correlatedAt = await WaitCorrelatedAsync(sequences, TimeSpan.FromMilliseconds(20), cancellationToken);
        var catchUp = Math.Max(0, Stopwatch.GetElapsedTime(intakeEnded, correlatedAt).TotalSeconds);
        var figure = new IntakeFigure(backend, scenario, clients, sequences.Count, payloads.Length, seconds,
            Stats.Percentile(latencies, 50), Stats.Percentile(latencies, 99), cores, catchUp);
        await progress.WriteLineAsync(
            $"[bench] {backend}: {scenario}, {clients} client(s): {figure.Events} events in {Stats.F(seconds, 2)} s = {Stats.F(figure.EventsPerSecond, 0)} events/s; " +
            $"p50 {Stats.F(figure.P50Milliseconds)} ms, p99 {Stats.F(figure.P99Milliseconds)} ms; pipeline caught up {Stats.F(catchUp, 2)} s later");
        return figure;
    }

    /// <summary>
    /// Posts one event every 1/<paramref name="ratePerSecond"/> s (open loop: a slow answer does not
    /// delay the next post) while one poller reads the feed from the oldest event not yet seen with
    /// its caseId, every <paramref name="pollInterval"/>. Latency: from starting the POST until a
    /// feed read shows the caseId.
    /// </summary>
    public async Task<PipelineFigure> PacedAsync(string scenario, byte[][] payloads, double ratePerSecond, TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = failed.Token;
        var pending = new ConcurrentDictionary<long, long>();
        var latencies = new List<double>(payloads.Length);
        var cpuBefore = hub.CpuTime;
        var started = Stopwatch.GetTimestamp();

        async Task PostOneAsync(byte[] payload)
        {
            var postedAt = Stopwatch.GetTimestamp();
            var sequences = await client.PostAsync(payload, HubClient.Structured, token);
            pending[sequences[0]] = postedAt;
        }

        async Task PollAsync()
        {
            var deadline = Stopwatch.StartNew();
            while (latencies.Count < payloads.Length)
            {
                if (deadline.Elapsed > CorrelationTimeout)
                {
                    throw new BenchException($"{payloads.Length - latencies.Count} paced events had no caseId after {CorrelationTimeout.TotalSeconds} s.");
                }

                if (!pending.IsEmpty)
                {
                    var keys = pending.Keys.ToArray();
                    var (min, max) = (keys.Min(), keys.Max());
                    var items = await client.ReadFeedAsync(min - 1, (int)Math.Min(100, max - min + 1), token);
                    var seenAt = Stopwatch.GetTimestamp();
                    foreach (var (sequence, correlated) in items)
                    {
                        if (correlated && pending.TryRemove(sequence, out var postedAt))
                        {
                            latencies.Add(Stopwatch.GetElapsedTime(postedAt, seenAt).TotalMilliseconds);
                        }
                    }
                }

                await Task.Delay(pollInterval, token);
            }
        }

        var poller = PollAsync();
        var posts = new List<Task>(payloads.Length);
        var interval = TimeSpan.FromSeconds(1 / ratePerSecond);
        try
        {
            for (var i = 0; i < payloads.Length; i++)
            {
                var wait = (interval * i) - Stopwatch.GetElapsedTime(started);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, token);
                }

                posts.Add(PostOneAsync(payloads[i]));
                if (poller.IsFaulted)
                {
                    break;
                }
            }

            await Task.WhenAll(posts);
        }
        catch
        {
            await failed.CancelAsync();
            throw;
        }

        var intakeSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await poller;
        var drained = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var cores = (hub.CpuTime - cpuBefore).TotalSeconds / drained;
        var figure = new PipelineFigure(backend, scenario, payloads.Length,
            Stats.Percentile(latencies, 50), Stats.Percentile(latencies, 99), latencies.Max(), intakeSeconds, drained, cores);
        await progress.WriteLineAsync(
            $"[bench] {backend}: {scenario}: intake → caseId p50 {Stats.F(figure.P50Milliseconds)} ms, p99 {Stats.F(figure.P99Milliseconds)} ms, max {Stats.F(figure.MaxMilliseconds)} ms");
        return figure;
    }

    /// <summary>
    /// Posts every payload as fast as <paramref name="clients"/> concurrent clients can, then
    /// waits until every event has its caseId. Drain: from the first POST until then.
    /// </summary>
    public async Task<PipelineFigure> BurstAsync(string scenario, byte[][] payloads, int clients, CancellationToken cancellationToken)
    {
        var cpuBefore = hub.CpuTime;
        var (sequences, _, intakeSeconds, started) = await PostAllAsync(payloads, HubClient.Structured, clients, cancellationToken);
        var correlatedAt = await WaitCorrelatedAsync(sequences, TimeSpan.FromMilliseconds(10), cancellationToken);
        var drain = Stopwatch.GetElapsedTime(started, correlatedAt).TotalSeconds;
        var cores = (hub.CpuTime - cpuBefore).TotalSeconds / Stopwatch.GetElapsedTime(started).TotalSeconds;
        var figure = new PipelineFigure(backend, scenario, sequences.Count, null, null, null, intakeSeconds, drain, cores);
        await progress.WriteLineAsync(
            $"[bench] {backend}: {scenario}: {figure.Events} events accepted in {Stats.F(intakeSeconds, 2)} s, all correlated after {Stats.F(drain, 2)} s = {Stats.F(figure.DrainedPerSecond, 0)} events/s");
        return figure;
    }

    /// <summary>Posts every payload from <paramref name="clients"/> concurrent clients; the sequences, the latency of each request, the wall time and when it started.</summary>
    public async Task<(List<long> Sequences, List<double> Latencies, double Seconds, long Started)> PostAllAsync(
        byte[][] payloads, string contentType, int clients, CancellationToken cancellationToken)
    {
        var results = new long[payloads.Length][];
        var latencies = new double[payloads.Length];
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < payloads.Length)
            {
                var t0 = Stopwatch.GetTimestamp();
                results[i] = await client.PostAsync(payloads[i], contentType, cancellationToken);
                latencies[i] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            }
        }, cancellationToken));
        await Task.WhenAll(workers);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return ([.. results.SelectMany(r => r)], [.. latencies], seconds, started);
    }

    /// <summary>
    /// Waits until every sequence has its caseId; returns the timestamp it was first seen so.
    /// Polls the newest event with <c>limit=1</c> (the pipeline works oldest first), then reads the
    /// whole range once to confirm; an event still without its caseId then moves the time to when it has one.
    /// </summary>
    public async Task<long> WaitCorrelatedAsync(IReadOnlyCollection<long> sequences, TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        var pending = new SortedSet<long>(sequences);
        if (pending.Count == 0)
        {
            return Stopwatch.GetTimestamp();
        }

        var deadline = Stopwatch.StartNew();
        var newest = pending.Max;
        long doneAt;
        while (true)
        {
            CheckDeadline(deadline, pending.Count);
            var items = await client.ReadFeedAsync(newest - 1, 1, cancellationToken);
            doneAt = Stopwatch.GetTimestamp();
            if (items.Count == 1 && items[0].Sequence == newest && items[0].Correlated)
            {
                pending.Remove(newest);
                break;
            }

            await Task.Delay(pollInterval, cancellationToken);
        }

        var straggling = false;
        while (pending.Count > 0)
        {
            CheckDeadline(deadline, pending.Count);
            var min = pending.Min;
            var items = await client.ReadFeedAsync(min - 1, (int)Math.Min(1000, pending.Max - min + 1), cancellationToken);
            var seenAt = Stopwatch.GetTimestamp();
            var progressed = false;
            foreach (var (sequence, correlated) in items)
            {
                if (!pending.Contains(sequence))
                {
                    continue;
                }

                if (correlated)
                {
                    pending.Remove(sequence);
                    progressed = true;
                    if (straggling)
                    {
                        doneAt = seenAt;
                    }
                }
                else
                {
                    straggling = true;
                }
            }

            if (!progressed)
            {
                await Task.Delay(pollInterval, cancellationToken);
            }
        }

        return doneAt;
    }

    private static void CheckDeadline(Stopwatch deadline, int pending)
    {
        if (deadline.Elapsed > CorrelationTimeout)
        {
            throw new BenchException($"{pending} event(s) had no caseId after {CorrelationTimeout.TotalSeconds} s; see the hub's log and GET /api/v1/dead-letters.");
        }
    }
}
