namespace IntegrationHub.Hub.Statistics;

/// <summary>The period a report covers, as Swedish calendar dates, both inclusive.</summary>
/// <param name="From">First day.</param>
/// <param name="To">Last day.</param>
public sealed record StatisticsPeriod(DateOnly From, DateOnly To);
