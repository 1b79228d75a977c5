using System.Globalization;
using System.Text;

namespace IntegrationHub.Bench.Intake;

/// <summary>The fan-out report: the two tables and the notes.</summary>
internal static class FanoutReport
{
    public static string Render(BenchSettings settings, string machine, List<(string Backend, FanoutRun.Outcome Outcome)> outcomes, TimeSpan elapsed)
    {
        var c = CultureInfo.InvariantCulture;
        var s = new StringBuilder();
        ReportHeader.Write(s, "fan-out benchmark", settings, machine, elapsed);
        foreach (var (backend, outcome) in outcomes)
        {
            s.AppendLine(c, $"hub ({backend}): {outcome.HubCommand}");
            s.AppendLine(c, $"receiver ({backend}): Kestrel in the bench process at {outcome.Receiver}hook/{{n}}, one path per subscriber, 200 at once");
        }

        s.AppendLine();
        s.AppendLine("Throughput: the events posted in batches of 100 by 2 clients as fast as intake accepts them, each subscriber a webhook (structured mode) on loopback.");
        s.AppendLine("Seconds from the first POST: intake = last 202, correlated = last caseId, delivered = the last subscriber got the last event. events/s = events ÷ delivered s.");
        s.AppendLine("| backend | subscribers | events | deliveries | intake s | correlated s | delivered s | events/s | deliveries/s | hub CPU (cores) | bench CPU (cores) | missing | duplicates |");
        s.AppendLine("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var f in outcomes.SelectMany(o => o.Outcome.Throughput))
        {
            s.AppendLine(c, $"| {f.Backend} | {f.Subscribers} | {f.Events} | {f.Deliveries} | {Stats.F(f.IntakeSeconds, 2)} | {Stats.F(f.CorrelatedSeconds, 2)} | {Stats.F(f.DeliveredSeconds, 2)} | {Stats.F(f.EventsPerSecond, 0)} | {Stats.F(f.DeliveriesPerSecond, 0)} | {Stats.F(f.HubCores, 2)} | {Stats.F(f.BenchCores, 2)} | {f.Missing} | {f.Duplicates} |");
        }

        s.AppendLine();
        s.AppendLine("Latency: single events paced at the rate (open loop); from the 202 of POST /api/v1/events until the receiver got the webhook request, per (event, subscriber).");
        s.AppendLine(c, $"The rate is at most {Stats.F(FanoutRun.LatencyLoad * 100, 0)} % of the row's throughput (load = deliveries/s offered ÷ deliveries/s of the throughput run).");
        s.AppendLine("| backend | subscribers | events/s | load | events | samples | p50 ms | p99 ms | max ms | hub CPU (cores) | missing | duplicates |");
        s.AppendLine("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var f in outcomes.SelectMany(o => o.Outcome.Latency))
        {
            s.AppendLine(c, $"| {f.Backend} | {f.Subscribers} | {Stats.F(f.Rate, f.Rate < 10 ? 1 : 0)} | {Stats.F(f.Load * 100, 0)} % | {f.Events} | {f.Samples} | {Stats.F(f.P50Milliseconds)} | {Stats.F(f.P99Milliseconds)} | {Stats.F(f.MaxMilliseconds)} | {Stats.F(f.HubCores, 2)} | {f.Missing} | {f.Duplicates} |");
        }

        s.AppendLine();
        foreach (var (_, outcome) in outcomes)
        {
            s.AppendLine(outcome.Notes);
        }

        return s.ToString();
    }
}
