namespace IntegrationHub.Bench.Intake;

/// <summary>
/// One row of the fan-out scenario: <paramref name="Subscribers"/> webhook subscriptions, a throughput run of
/// <paramref name="Events"/> events, then a latency run of <paramref name="Paced"/> events at <paramref name="Rate"/>/s.
/// </summary>
internal sealed record FanoutRow(int Subscribers, int Events, int Paced, double Rate);
