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

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    HubLaunch.Current?.KillNow();
    cancellation.Cancel();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => HubLaunch.Current?.KillNow();

var progress = Console.Error;
var workDirectory = Directory.CreateTempSubdirectory("ihub-bench-").FullName;
var started = Stopwatch.GetTimestamp();
var outcomes = new List<(string Backend, BackendRun.Outcome Outcome)>();
var fanouts = new List<(string Backend, FanoutRun.Outcome Outcome)>();
try
{
    var machine = MachineFacts.Describe(workDirectory);
    var busy = await MachineFacts.CpuBusyPercentAsync(cancellation.Token);
    machine += Environment.NewLine + (busy is { } percent
        ? $"before:   the CPUs were {Stats.F(percent, 0)} % busy in the second before the run (other processes; the bench had not started the hub yet)"
          + (percent > 20 ? " - the figures are disturbed by them" : string.Empty)
        : "before:   CPU use unknown");
    foreach (var backend in settings.Backends)
    {
        if (settings.Fanout)
        {
            fanouts.Add((backend, await FanoutRun.RunAsync(backend, settings, workDirectory, progress, cancellation.Token)));
        }
        else
        {
            outcomes.Add((backend, await BackendRun.RunAsync(backend, settings, workDirectory, progress, cancellation.Token)));
        }
    }

    var elapsed = Stopwatch.GetElapsedTime(started);
    Console.Out.Write(settings.Fanout ? FanoutReport.Render(settings, machine, fanouts, elapsed) : Report(settings, machine, outcomes, elapsed));
    return 0;
}
catch (BenchException e)
{
    await progress.WriteLineAsync($"[bench] failed: {e.Message}");
    return 1;
}
catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
{
    await progress.WriteLineAsync("[bench] cancelled");
    return 130;
}
finally
{
    if (HubLaunch.Current is { } hub)
    {
        await hub.DisposeAsync();
    }

    if (settings.Keep)
    {
        await progress.WriteLineAsync($"[bench] kept {workDirectory} (hub logs and data)");
    }
    else
    {
        try
        {
            Directory.Delete(workDirectory, recursive: true);
        }
        catch (IOException e)
        {
            await progress.WriteLineAsync($"[bench] could not delete {workDirectory}: {e.Message}");
        }
    }
}

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
