using IntegrationHub.Canonical.Serialization;
using IntegrationHub.Canonical.Validation;

namespace IntegrationHub.Bench.Intake;

/// <summary>Every scenario against one freshly started hub on one backend (SQLite or PostgreSQL).</summary>
internal static class BackendRun
{
    /// <summary>A hub diary for medborgarförslag, as a municipality would configure it.</summary>
    private static readonly string[] DiarySettings =
    [
        "--Hub:Municipalities:2281:Diaries:KS:Format={series} {year}/{number}",
        "--Hub:Municipalities:2281:CaseTypes:medborgarforslag:Diary=KS",
    ];

    public sealed record Outcome(List<IntakeFigure> Intake, List<PipelineFigure> Pipeline, string HubCommand, string Notes);

    public static async Task<Outcome> RunAsync(string backend, BenchSettings settings, string workDirectory, TextWriter progress, CancellationToken cancellationToken)
    {
        var launched = await HubLaunch.StartAsync(backend, Path.Combine(workDirectory, backend), settings, DiarySettings, progress, cancellationToken);
        var (hub, dataDirectory) = (launched.Hub, launched.DataDirectory);
        try
        {
            using var client = new HubClient(hub.BaseAddress);
            var run = new Scenarios(hub, client, backend, progress);
            var intake = new List<IntakeFigure>();
            var pipeline = new List<PipelineFigure>();
            var plain = new EventFactory("P", settings.Cases, diary: false);
            var diary = new EventFactory("D", settings.Cases, diary: true);
            Check(plain);
            Check(diary);

            // Long enough for tiered JIT compilation to settle, and ending the way the first row runs:
            // a 1-client row right after a short warm-up ran ~40 % slower, on 1.2 cores instead of 0.8, than a second one.
            await progress.WriteLineAsync($"[bench] {backend}: warming up (300 events in batches, {settings.Warmup} single events)");
            await run.IntakeAsync("warm-up", Scenarios.EncodeBatches(plain.Next(300), 100), HubClient.Batch, 1, cancellationToken);
            await run.IntakeAsync("warm-up", Scenarios.EncodeSingles(plain.Next(settings.Warmup / 2)), HubClient.Structured, 4, cancellationToken);
            await run.IntakeAsync("warm-up", Scenarios.EncodeSingles(plain.Next(settings.Warmup - (settings.Warmup / 2))), HubClient.Structured, 1, cancellationToken);

            var sizes = new List<int>();
            foreach (var clients in (int[])[1, 4, 16])
            {
                var payloads = Scenarios.EncodeSingles(plain.Next(settings.Count));
                sizes.AddRange(payloads.Select(p => p.Length));
                intake.Add(await run.IntakeAsync("single event", payloads, HubClient.Structured, clients, cancellationToken));
            }

            intake.Add(await run.IntakeAsync("batch of 100", Scenarios.EncodeBatches(plain.Next(settings.Count), 100), HubClient.Batch, 1, cancellationToken));
            intake.Add(await run.IntakeAsync("batch of 100", Scenarios.EncodeBatches(plain.Next(settings.Count), 100), HubClient.Batch, 4, cancellationToken));

            var poll = TimeSpan.FromMilliseconds(5);
            pipeline.Add(await run.PacedAsync($"paced {Stats.F(settings.Rate, 0)}/s", Scenarios.EncodeSingles(plain.Next(settings.Paced)), settings.Rate, poll, cancellationToken));
            pipeline.Add(await run.BurstAsync("burst, 16 clients", Scenarios.EncodeSingles(plain.Next(settings.Count)), 16, cancellationToken));

            if (settings.Diary)
            {
                await progress.WriteLineAsync($"[bench] {backend}: warming up the diary");
                await run.IntakeAsync("warm-up diary", Scenarios.EncodeSingles(diary.Next(Math.Min(settings.Warmup, 300))), HubClient.Structured, 4, cancellationToken);
                pipeline.Add(await run.PacedAsync($"diary: paced {Stats.F(settings.Rate, 0)}/s", Scenarios.EncodeSingles(diary.Next(settings.Paced)), settings.Rate, poll, cancellationToken));
                pipeline.Add(await run.BurstAsync("diary: burst, 16 clients", Scenarios.EncodeSingles(diary.Next(settings.Count)), 16, cancellationToken));
            }

            var notes = $"{backend}: single events were {sizes.Min()}–{sizes.Max()} bytes, {Stats.F(sizes.Average(), 0)} on average"
                + (backend == "sqlite" ? $"; hub.db with its WAL was {Stats.F(HubLaunch.DataBytes(dataDirectory) / 1024.0 / 1024.0)} MiB at the end" : string.Empty);
            return new Outcome(intake, pipeline, hub.CommandLine, notes);
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

    /// <summary>Fails fast if the generated events would be rejected: every stage of a few cases of each kind.</summary>
    public static void Check(EventFactory factory)
    {
        var probe = factory.Probe(24);
        foreach (var caseEvent in probe)
        {
            var errors = CaseEventValidator.Default.Validate(CaseEventFormatter.ToJsonElement(caseEvent));
            if (errors.Count > 0)
            {
                throw new BenchException($"The bench made an invalid {caseEvent.Type} event: " +
                    string.Join("; ", errors.Select(e => $"{e.Pointer} {e.Rule}: {e.Message}")));
            }
        }
    }
}
