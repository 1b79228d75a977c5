using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Hub.Tests.Infrastructure;

/// <summary>The real host on its embedded default (a SQLite file in a fresh temp folder), in memory.</summary>
public class HubFactory : WebApplicationFactory<Program>
{
    public HubFactory() : this(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)) { }

    /// <summary>A hub whose clock starts at <paramref name="start"/> (a fake clock only moves forward).</summary>
    protected HubFactory(DateTimeOffset start)
    {
        Clock = new FakeTimeProvider(start);

        // The scheduled deadline check runs on the real clock; tests call the monitor themselves
        // (ScheduledDeadlineCheckTests turns the schedule on).
        Settings["Hub:Deadlines:Enabled"] = "false";

        // The tests' webhook receivers listen on loopback, which a hub refuses unless an administrator allows it
        // (PublicOnlyHubFactory removes this to test the refusal).
        Settings[AllowLoopbackKey] = "127.0.0.0/8";
        foreach (var (key, value) in TestKeys.HubSettings)
        {
            Settings[key] = value;
        }
    }

    /// <summary>The setting that allow-lists loopback for the tests' webhook receivers.</summary>
    public const string AllowLoopbackKey = "Hub:Delivery:Webhooks:AllowedNetworks:0";

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("ihub-hub-tests-").FullName;

    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>The hub's clock: a fixed Monday morning in November 2026 that moves only when a test moves it.</summary>
    public FakeTimeProvider Clock { get; }

    /// <summary>What the hub logged, filtered by the host's own logging configuration.</summary>
    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Hub:Storage:DataDirectory", DataDirectory);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Every client presents the installation-wide administrator key unless a test changes it (<see cref="TestKeys"/>).</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.WithKey();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
        }
    }
}
