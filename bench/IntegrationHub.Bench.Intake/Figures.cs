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
