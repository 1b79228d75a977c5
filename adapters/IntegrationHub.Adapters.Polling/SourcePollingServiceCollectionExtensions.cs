using IntegrationHub.Adapters.Abstractions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;

namespace IntegrationHub.Adapters.Polling;

/// <summary>Registers the poller and a Quartz cron trigger per <see cref="PollSchedule"/> the adapters registered.</summary>
public static class SourcePollingServiceCollectionExtensions
{
    /// <summary>
    /// Call after every adapter's registration: reads the <see cref="PollSchedule"/> instances they added. A schedule
    /// whose cron expression Quartz cannot parse stops the hub at start, naming the source.
    /// </summary>
    public static IServiceCollection AddSourcePolling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SourcePollingOptions>().Bind(configuration.GetSection(SourcePollingOptions.Section));
        services.AddSingleton<SourcePoller>();
        var schedules = services.Where(d => d.ServiceType == typeof(PollSchedule) && d.ImplementationInstance is PollSchedule)
            .Select(d => (PollSchedule)d.ImplementationInstance!).ToList();
        var errors = schedules.Where(s => !IsCron(s.CronExpression))
            .Select(s => $"The Schedule of {s.SourceName} (\"{s.CronExpression}\") is not a Quartz cron expression: give seconds first, e.g. \"0 0/5 * * * ?\" for every five minutes.")
            .ToList();
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(SourcePollingOptions.Section, typeof(PollSchedule), errors);
        }

        var enabled = configuration.GetSection(SourcePollingOptions.Section).GetValue(nameof(SourcePollingOptions.Enabled), true);
        if (!enabled || schedules.Count == 0)
        {
            return services;
        }

        services.AddQuartz(q =>
        {
            foreach (var schedule in schedules)
            {
                q.ScheduleJob<SourcePollJob>(
                    trigger => trigger.WithIdentity($"poll/{schedule.SourceName}/cron").StartNow().WithCronSchedule(schedule.CronExpression),
                    job => job.WithIdentity($"poll/{schedule.SourceName}").UsingJobData(SourcePollJob.SourceKey, schedule.SourceName));
            }
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }

    private static bool IsCron(string expression) => CronExpression.TryParse(expression, out _);
}
