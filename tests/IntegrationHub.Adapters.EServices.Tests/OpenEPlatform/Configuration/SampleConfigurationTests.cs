using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Adapters.EServices.OpenEPlatform;
using IntegrationHub.Adapters.EServices.OpenEPlatform.Outbound;
using IntegrationHub.Adapters.EServices.Tests.OpenEPlatform.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Adapters.EServices.Tests.OpenEPlatform.Configuration;

/// <summary>The shipped example (samples/config/open-eplatform.appsettings.json) binds, validates, and registers what the hub runs.</summary>
public sealed class SampleConfigurationTests : IDisposable
{
    private readonly string _secrets = Directory.CreateTempSubdirectory("ihub-oep-secrets-").FullName;

    private IConfiguration Sample()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "samples", "config", "open-eplatform.appsettings.json");
        // The password lives outside the configuration; point the file at a stand-in that exists.
        var passwordFile = Path.Combine(_secrets, "open-eplatform-sundsvall");
        File.WriteAllText(passwordFile, "secret\n");
        return new ConfigurationBuilder().AddJsonFile(path)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Adapters:OpenEPlatform:sundsvall:PasswordFile"] = passwordFile })
            .Build();
    }

    [Fact]
    public void TheSample_DescribesOneValidInstanceWithTwoFamilies()
    {
        var options = Sample().GetSection("Adapters:OpenEPlatform:sundsvall").Get<OpenEPlatformOptions>()!;

        var result = new OpenEPlatformOptionsValidator().Validate("sundsvall", options);

        Assert.True(result.Succeeded, string.Join("\n", result.Failures ?? []));
        Assert.Equal(["101", "205"], options.Families.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("bygglov", options.Families["101"].CaseType);
        Assert.Equal("parties.property-owner", options.Families["101"].Fields["fastighetsagare"]);
        Assert.Equal("Inskickat", options.Families["205"].Status);
        // Configured entries add to the default status mapping; a configured message list replaces the default.
        Assert.Equal("Klart", options.StatusMapping["decided"]);
        Assert.Equal("Väntar på komplettering", options.StatusMapping["paused"]);
        Assert.Equal("Under behandling", options.StatusMapping["status-changed/Under handläggning"]);
        Assert.Equal(["decided", "paused", "closed"], options.Callback.MessageEventTypes);
        Assert.Equal("secret", Client(options));
    }

    [Fact]
    public void AddOpenEPlatformAdapters_RegistersTheSourceItsScheduleAndTheCallbackSink()
    {
        var services = new ServiceCollection();
        var hub = new InMemoryHub();
        services.AddSingleton<ICaseLookup>(hub).AddSingleton<IContentStore>(hub).AddSingleton<IAdapterState>(hub);
        services.AddOpenEPlatformAdapters(Sample());
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        var source = Assert.Single(provider.GetServices<ICaseEventSource>());
        var schedule = Assert.Single(provider.GetServices<PollSchedule>());
        var sink = Assert.Single(provider.GetServices<ICaseEventSink>());

        Assert.Equal("open-eplatform/sundsvall", source.Name);
        Assert.Equal(new PollSchedule("open-eplatform/sundsvall", "0 0/5 * * * ?", schedule.Circuit, "open-eplatform"), schedule);
        Assert.NotNull(schedule.Circuit);
        Assert.IsType<CallbackSink>(sink);
        Assert.Equal("open-eplatform-callback/sundsvall", sink.Name);
        Assert.Equal(["sundsvall"], OpenEPlatformServiceCollectionExtensions.ConfiguredInstances(Sample()));
    }

    [Fact]
    public void ABadInstance_FailsAtStartWithEveryProblem_AndADisabledCallbackRegistersNoSink()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Adapters:OpenEPlatform:timra:Municipality"] = "Timrå",
            ["Adapters:OpenEPlatform:timra:BaseUrl"] = "https://e-tjanster.timra.example/",
            ["Adapters:OpenEPlatform:timra:Callback:Enabled"] = "false",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IContentStore>(new InMemoryHub());
        services.AddOpenEPlatformAdapters(configuration);
        using var provider = services.BuildServiceProvider();

        Assert.Empty(provider.GetServices<ICaseEventSink>());
        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<OpenEPlatformOptions>>().Get("timra"));
        Assert.Contains(failure.Failures, f => f.StartsWith("Adapters:OpenEPlatform:timra:Municipality", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.StartsWith("Adapters:OpenEPlatform:timra:Username", StringComparison.Ordinal));
    }

    private static string Client(OpenEPlatformOptions options) =>
        IntegrationHub.Adapters.EServices.OpenEPlatform.Client.OpenEPlatformConnection.Password("sundsvall", options);

    public void Dispose() => Directory.Delete(_secrets, recursive: true);
}
