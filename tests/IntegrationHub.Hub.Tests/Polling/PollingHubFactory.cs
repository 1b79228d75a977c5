using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Hub.Intake;
using IntegrationHub.Hub.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Hub.Tests.Polling;

/// <summary>The real hub with one test source registered the way adapters register theirs; the tests run the polls.</summary>
public sealed class PollingHubFactory : HubFactory
{
    public PollingHubFactory()
    {
        Settings["Hub:Polling:Enabled"] = "false";
        Settings["Hub:Polling:LeaseDuration"] = "00:10:00";
    }

    internal ListSource Source { get; } = new("test/lista", pageSize: 2);

    public CircuitMonitor Circuit { get; } = new();

    /// <summary>Armed: the next intake that stored events is followed by a "crash" before the poller stores the checkpoint.</summary>
    internal CrashAfterIntake Crash { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ICaseEventSource>(Source);
            services.AddSingleton(new PollSchedule(Source.Name, "0 0/5 * * * ?", Circuit, "test"));
            // The hub's own intake, then the simulated crash.
            services.AddScoped<ICaseEventIntake>(sp => new CrashingIntake(sp.GetRequiredService<EventIntake>(), Crash));
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Crash.Dispose();
        }
    }
}
