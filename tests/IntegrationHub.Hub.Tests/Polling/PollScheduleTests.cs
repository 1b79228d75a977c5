using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Adapters.Polling;
using IntegrationHub.Host;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Hub.Tests.Polling;

public sealed class PollScheduleTests
{
    [Fact]
    public void AddSourcePolling_WithAScheduleThatIsNoCronExpression_StopsTheStartNamingTheSourceAndTheFix()
    {
        var services = new ServiceCollection()
            .AddSingleton(new PollSchedule("edp-future/sundsvall", "var femte minut", null, "edp-future"));
        var configuration = new ConfigurationBuilder().Build();

        var error = Assert.ThrowsAny<Exception>(() => services.AddSourcePolling(configuration));

        Assert.Equal(
            "The Schedule of edp-future/sundsvall (\"var femte minut\") is not a Quartz cron expression: give seconds first, e.g. \"0 0/5 * * * ?\" for every five minutes.",
            StartupErrors.Describe(error));
    }

    [Fact]
    public void AddSourcePolling_WithValidSchedules_RegistersThePoller()
    {
        var services = new ServiceCollection()
            .AddSingleton(new PollSchedule("fgs/arkiv", "0/30 * * * * ?", null, "fgs"));

        services.AddSourcePolling(new ConfigurationBuilder().Build());

        Assert.Contains(services, d => d.ServiceType == typeof(SourcePoller));
    }
}
