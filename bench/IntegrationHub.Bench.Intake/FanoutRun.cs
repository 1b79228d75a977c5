using System.Globalization;

namespace IntegrationHub.Bench.Intake;

/// <summary>
/// The fan-out scenario against one freshly started hub on one backend: a warm-up, then per row a set of fresh webhook
/// subscriptions, a throughput run and a latency run, and the subscriptions deleted again.
/// </summary>
internal static class FanoutRun
{
    private const int WarmupSubscribers = 10;
    private const int WarmupPaced = 20;
    private const double WarmupRate = 5;

    /// <summary>The latency run offers at most this share of the deliveries per second its throughput run reached.</summary>
    public const double LatencyLoad = 0.25;

    /// <summary>A latency run lasts about this long at most (when its rate had to come down), with at least <see cref="MinPaced"/> events.</summary>
    public static readonly TimeSpan MaxPacedDuration = TimeSpan.FromSeconds(20);

    public const int MinPaced = 10;

    public sealed record Outcome(List<ThroughputFigure> Throughput, List<LatencyFigure> Latency, string HubCommand, string Receiver, string Notes);

    public static async Task<Outcome> RunAsync(string backend, BenchSettings settings, string workDirectory, TextWriter progress, CancellationToken cancellationToken)
    {
        await using var receiver = await WebhookReceiver.StartAsync(cancellationToken);
        var launched = await HubLaunch.StartAsync(backend, Path.Combine(workDirectory, "fanout-" + backend), settings, [], progress, cancellationToken);
        var hub = launched.Hub;
        try
        {
            await using var trace = settings.Keep ? new StreamWriter(Path.Combine(workDirectory, $"fanout-{backend}", "deliveries.csv")) : null;
            if (trace is not null)
            {
                await trace.WriteLineAsync(FanoutScenarios.TraceHeader);
            }

            using var client = new HubClient(hub.BaseAddress);
            var fanout = new FanoutScenarios(hub, client, new Scenarios(hub, client, backend, progress), receiver, backend, progress, trace);
            var factory = new EventFactory("F", settings.Cases, diary: false);
            BackendRun.Check(factory);

            // The delivery path (dispatcher, delivery bus, webhook channel, receiver) and intake through tiered JIT,
            // both the burst and the paced way, on subscriptions deleted before measuring.
            await progress.WriteLineAsync($"[bench] {backend}: warming up ({settings.FanoutWarmup} events in batches and {WarmupPaced} paced at {WarmupRate}/s, to {WarmupSubscribers} subscribers)");
            var warm = await fanout.SubscribeAsync(WarmupSubscribers, cancellationToken);
            var warmBurst = await fanout.ThroughputAsync(warm, factory.Next(settings.FanoutWarmup), cancellationToken);
            var warmPaced = await fanout.LatencyAsync(warm, factory.Next(WarmupPaced), WarmupRate, cancellationToken);
            await fanout.UnsubscribeAsync(warm, cancellationToken);
            var warmMissing = warmBurst.Figure.Missing + warmPaced.Figure.Missing;

            var throughput = new List<(ThroughputFigure Figure, Expectation Expectation)>();
            var latency = new List<(LatencyFigure Figure, Expectation Expectation)>();
            var hubCounts = DeliveryCounts.Zero;
            long expected = 0;
            foreach (var row in settings.FanoutRows)
            {
                var subscribers = await fanout.SubscribeAsync(row.Subscribers, cancellationToken);
                var measured = await fanout.ThroughputAsync(subscribers, factory.Next(row.Events), cancellationToken);
                throughput.Add(measured);

                // Well below saturation whatever the backend and the machine: at most a quarter of what this row's
                // throughput run reached, and then fewer events so the run stays short.
                var rate = Math.Min(row.Rate, LatencyLoad * measured.Figure.EventsPerSecond);
                var paced = Math.Min(row.Paced, Math.Max(MinPaced, (int)Math.Ceiling(rate * MaxPacedDuration.TotalSeconds)));
                var (figure, expectation) = await fanout.LatencyAsync(subscribers, factory.Next(paced), rate, cancellationToken);
                latency.Add((figure with { Load = rate * row.Subscribers / measured.Figure.DeliveriesPerSecond }, expectation));
                hubCounts = hubCounts.Add(await fanout.UnsubscribeAsync(subscribers, cancellationToken));
                expected += (long)row.Subscribers * (row.Events + paced);
            }

            var (warnings, firstWarning) = Warnings(hub.LogLines());

            // Duplicates counted again at the end, so a late repeat of an earlier run is counted with that run.
            var log = receiver.Log;
            var c = CultureInfo.InvariantCulture;
            var notes =
                string.Create(c, $"{backend}: the hub counted {hubCounts.Delivered} deliveries delivered of {expected} expected (pending {hubCounts.Pending}, failing {hubCounts.Failing}, ") +
                string.Create(c, $"dead-lettered {hubCounts.DeadLettered}, skipped {hubCounts.Skipped}); the receiver answered {log.Requests} requests ({Stats.F(receiver.BodyBytes / 1024.0 / 1024.0)} MiB of bodies), ") +
                string.Create(c, $"{log.Repeats} of them repeats, {log.Unattributed} not attributable; the warm-up missed {warmMissing}; ") +
                string.Create(c, $"the hub logged {warnings} warning(s) or error(s){(firstWarning is null ? string.Empty : $", the first: {firstWarning}")}") +
                (backend == "sqlite" ? $"; hub.db with its WAL was {Stats.F(HubLaunch.DataBytes(launched.DataDirectory) / 1024.0 / 1024.0)} MiB at the end" : string.Empty);
            return new Outcome(
                [.. throughput.Select(t => t.Figure with { Duplicates = log.RepeatsOf(t.Expectation.Hooks, t.Expectation.Ids) })],
                [.. latency.Select(l => l.Figure with { Duplicates = log.RepeatsOf(l.Expectation.Hooks, l.Expectation.Ids) })],
                hub.CommandLine, receiver.BaseAddress.ToString(), notes);
        }
        catch (BenchException)
        {
            await progress.WriteLineAsync($"[bench] {backend}: the hub's last output:{Environment.NewLine}{hub.LogTail(30)}");
            throw;
        }
        finally
        {
            await HubLaunch.StopAsync(launched, settings, progress);
        }
    }

    /// <summary>How many warnings and errors the hub logged, and the first one's message (shortened).</summary>
    private static (int Count, string? First) Warnings(IReadOnlyList<string> lines)
    {
        var count = 0;
        string? first = null;
        for (var i = 0; i < lines.Count; i++)
        {
            // The console formatter starts an entry with its level, "warn: Category[id]", the message on the next line.
            var line = lines[i];
            if (line.StartsWith("warn: ", StringComparison.Ordinal) || line.StartsWith("fail: ", StringComparison.Ordinal) || line.StartsWith("crit: ", StringComparison.Ordinal))
            {
                count++;
                if (first is null)
                {
                    // The message and, for a failed handler, the exception's first line.
                    var message = string.Join(' ', lines.Skip(i + 1).Take(2).Select(l => l.Trim()));
                    first = $"{line.Trim()} {(message.Length > 240 ? message[..240] + "…" : message)}";
                }
            }
        }

        return (count, first);
    }
}
