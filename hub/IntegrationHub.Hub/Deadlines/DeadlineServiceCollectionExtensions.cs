using IntegrationHub.Hub.Calendar;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;

namespace IntegrationHub.Hub.Deadlines;

/// <summary>Registers the deadline check and its Quartz schedule.</summary>
public static class DeadlineServiceCollectionExtensions
{
    /// <summary>Adds the monitor, and a Quartz cron trigger for it unless <c>Hub:Deadlines:Enabled</c> is false.</summary>
    public static IServiceCollection AddDeadlineChecks(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(DeadlineOptions.Section);
        services.AddOptions<DeadlineOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DeadlineOptions>, DeadlineOptionsValidator>();
        services.AddSingleton<CaseHistoryReader>();
        services.AddSingleton<DeadlineMonitor>();

        var options = section.Get<DeadlineOptions>() ?? new DeadlineOptions();
        if (options.Enabled && CronExpression.TryParse(options.Cron, out _))
        {
            // In scale-out every hub process may run the check: deadline events have deterministic ids, so
            // a second run stores nothing new. A clustered Quartz store would only save the duplicate work.
            services.AddQuartz(q => q.ScheduleJob<DeadlineCheckJob>(trigger => trigger
                .WithIdentity("deadline-check")
                .WithCronSchedule(options.Cron, cron => cron.InTimeZone(SwedishTime.Zone))));
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        }

        return services;
    }
}
