using Quartz;

namespace IntegrationHub.Hub.Deadlines;

/// <summary>The Quartz job that runs the deadline check on its cron schedule; never two at once in one process.</summary>
[DisallowConcurrentExecution]
public sealed class DeadlineCheckJob(DeadlineMonitor monitor) : IJob
{
    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await monitor.CheckAsync(cancellationToken);
}
