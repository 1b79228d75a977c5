namespace IntegrationHub.Adapters.Abstractions;

/// <summary>
/// When the hub polls one <see cref="ICaseEventSource"/>: an adapter registers one per source instance
/// (<c>services.AddSingleton(new PollSchedule(…))</c>) beside the source itself, and the hub's poller runs it.
/// </summary>
/// <param name="SourceName">The <see cref="ICaseEventSource.Name"/> it schedules.</param>
/// <param name="CronExpression">A Quartz cron expression (seconds first), e.g. <c>0 0/5 * * * ?</c> for every five minutes.</param>
/// <param name="Circuit">The circuit breaker of the source's client, shown in the health API (null: the source has none).</param>
/// <param name="Kind">The adapter kind for the health API, e.g. "edp-future".</param>
public sealed record PollSchedule(string SourceName, string CronExpression, CircuitMonitor? Circuit, string Kind);
