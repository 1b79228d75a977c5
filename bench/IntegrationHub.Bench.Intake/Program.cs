using System.Diagnostics;
using System.Globalization;
using System.Text;
using IntegrationHub.Bench.Intake;

// Measures the hub as a user runs it: the real host process on loopback, its default SQLite store
// (and PostgreSQL when IHUB_TEST_POSTGRES is set), driven over HTTP. See bench/README.md.
BenchSettings settings;
try
{
    settings = BenchSettings.Parse(args);
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    await Console.Error.WriteLineAsync(BenchSettings.Usage);
    return 2;
}

var started = Stopwatch.GetTimestamp();
return await BenchMain.RunAsync("ihub-bench-", settings.Keep, "hub logs and data", async (workDirectory, machine, progress, cancellationToken) =>
{
    var outcomes = new List<(string Backend, BackendRun.Outcome Outcome)>();
    var fanouts = new List<(string Backend, FanoutRun.Outcome Outcome)>();
    foreach (var backend in settings.Backends)
    {
        if (settings.Fanout)
        {
            fanouts.Add((backend, await FanoutRun.RunAsync(backend, settings, workDirectory, progress, cancellationToken)));
        }
        else
        {
            outcomes.Add((backend, await BackendRun.RunAsync(backend, settings, workDirectory, progress, cancellationToken)));
        }
    }

    var elapsed = Stopwatch.GetElapsedTime(started);
    return settings.Fanout ? FanoutReport.Render(settings, machine, fanouts, elapsed) : Report(settings, machine, outcomes, elapsed);
});

static string Report(BenchSettings settings, string machine, List<(string Backend, BackendRun.Outcome Outcome)> outcomes, TimeSpan elapsed)
{
    var c = CultureInfo.InvariantCulture;
    var s = new StringBuilder();
    ReportHeader.Write(s, "intake benchmark", settings, machine, elapsed);
    foreach (var (backend, outcome) in outcomes)
    {
        s.AppendLine(c, $"hub ({backend}): {outcome.HubCommand}");
    }

    s.AppendLine();
    s.AppendLine(c, $"Intake: {settings.Count} events per row after a warm-up; a 202 means stored durably. Latency per request (a batch is one request).");
    s.AppendLine("| backend | request | clients | events/s | p50 ms | p99 ms | hub CPU (cores) | pipeline done after (s) |");
    s.AppendLine("|---|---|--:|--:|--:|--:|--:|--:|");
    foreach (var f in outcomes.SelectMany(o => o.Outcome.Intake))
    {
        s.AppendLine(c, $"| {f.Backend} | {f.Scenario} | {f.Clients} | {Stats.F(f.EventsPerSecond, 0)} | {Stats.F(f.P50Milliseconds)} | {Stats.F(f.P99Milliseconds)} | {Stats.F(f.HubCores, 2)} | {Stats.F(f.CatchUpSeconds, 1)} |");
    }

    s.AppendLine();
    s.AppendLine(c, $"Pipeline: from starting the POST until GET /api/v1/events shows the event's caseId (polled every 5 ms while paced).");
    s.AppendLine(c, $"Paced: {settings.Paced} events at {Stats.F(settings.Rate, 0)}/s, one at a time. Burst: {settings.Count} events from 16 clients as fast as they are accepted; drain = first POST → last caseId.");
    s.AppendLine("| backend | scenario | events | p50 ms | p99 ms | max ms | intake s | drain s | drained events/s | hub CPU (cores) |");
    s.AppendLine("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|");
    foreach (var f in outcomes.SelectMany(o => o.Outcome.Pipeline))
    {
        s.AppendLine(c, $"| {f.Backend} | {f.Scenario} | {f.Events} | {Stats.F(f.P50Milliseconds)} | {Stats.F(f.P99Milliseconds)} | {Stats.F(f.MaxMilliseconds)} | {Stats.F(f.IntakeSeconds, 2)} | {Stats.F(f.DrainSeconds, 2)} | {Stats.F(f.DrainedPerSecond, 0)} | {Stats.F(f.HubCores, 2)} |");
    }

    s.AppendLine();
    foreach (var notes in outcomes.Select(o => o.Outcome.Notes).Where(n => n.Length > 0))
    {
        s.AppendLine(notes);
    }

    return s.ToString();
}
