using System.Globalization;

namespace IntegrationHub.Bench.Common;

/// <summary>Percentiles by nearest rank over the measured values, and number formatting.</summary>
public static class Stats
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
