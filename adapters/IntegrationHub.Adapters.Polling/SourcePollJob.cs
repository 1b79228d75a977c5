using Quartz;

namespace IntegrationHub.Adapters.Polling;

/// <summary>Quartz's side of a poll: one job per source, never two runs of it at once in a process.</summary>
[DisallowConcurrentExecution]
internal sealed class SourcePollJob(SourcePoller poller) : IJob
{
    /// <summary>The job data key holding the source's name.</summary>
    public const string SourceKey = "source";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await poller.PollAsync(context.MergedJobDataMap.GetString(SourceKey)!, cancellationToken);
}
