using System.Globalization;

namespace IntegrationHub.Bench.Intake;

/// <summary>One intake row: events accepted per second and the latency of each request.</summary>
internal sealed record IntakeFigure(
    string Backend, string Scenario, int Clients, int Events, int Requests, double Seconds,
    double P50Milliseconds, double P99Milliseconds, double HubCores, double CatchUpSeconds)
{
    public double EventsPerSecond => Events / Seconds;
}

/// <summary>One pipeline row: intake → caseId latency (paced) or the drain of a burst.</summary>
internal sealed record PipelineFigure(
    string Backend, string Scenario, int Events, double? P50Milliseconds, double? P99Milliseconds, double? MaxMilliseconds,
    double IntakeSeconds, double DrainSeconds, double HubCores)
{
    public double DrainedPerSecond => Events / DrainSeconds;
}

/// <summary>Percentiles by nearest rank over the measured values, and number formatting.</summary>
internal static class Stats
{
    public static double Percentile(IReadOnlyList<double> values, double percent)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public static string F(double value, int decimals = 1) =>
        double.IsNaN(value) ? "–" : value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string F(double? value, int decimals = 1) => value is { } v ? F(v, decimals) : "–";
}
