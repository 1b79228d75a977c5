namespace IntegrationHub.Bench.Intake;

/// <summary>
/// One fan-out latency run: <see cref="Events"/> events at <see cref="Rate"/>/s, latency from each event's 202 until a
/// subscriber got it, one sample per (event, subscriber). <see cref="Load"/>: the deliveries per second offered as a share
/// of what the row's throughput run reached.
/// </summary>
internal sealed record LatencyFigure(
    string Backend, int Subscribers, double Rate, int Events, int Samples, double P50Milliseconds, double P99Milliseconds, double MaxMilliseconds,
    double HubCores, long Missing, long Duplicates)
{
    public double Load { get; init; } = double.NaN;
}
