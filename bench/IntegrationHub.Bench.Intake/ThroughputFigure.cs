namespace IntegrationHub.Bench.Intake;

/// <summary>
/// One fan-out throughput run: <see cref="Events"/> events posted as fast as intake takes them, until every one of
/// <see cref="Subscribers"/> subscribers had every event. Seconds are from the first POST.
/// </summary>
internal sealed record ThroughputFigure(
    string Backend, int Subscribers, int Events, double IntakeSeconds, double CorrelatedSeconds, double DeliveredSeconds,
    double HubCores, double BenchCores, long Missing, long Duplicates)
{
    public long Deliveries => (long)Events * Subscribers;

    public double EventsPerSecond => Events / DeliveredSeconds;

    public double DeliveriesPerSecond => Deliveries / DeliveredSeconds;
}
