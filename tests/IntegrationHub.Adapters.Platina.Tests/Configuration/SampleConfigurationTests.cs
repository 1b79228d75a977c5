using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Adapters.Platina.Outbound;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Adapters.Platina.Tests.Configuration;

/// <summary>The shipped example (samples/config/platina.appsettings.json) binds, validates, and registers what the hub runs.</summary>
public sealed class SampleConfigurationTests : IDisposable
{
    private readonly string _secrets = Directory.CreateTempSubdirectory("ihub-platina-secrets-").FullName;

    private IConfiguration Sample()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "samples", "config", "platina.appsettings.json");
        // The key lives outside the configuration; point the file at a stand-in that exists.
        var keyFile = Path.Combine(_secrets, "platina-sundsvall");
        File.WriteAllText(keyFile, "secret\n");
        return new ConfigurationBuilder().AddJsonFile(path)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Adapters:Platina:sundsvall:ApiKeyFile"] = keyFile })
            .Build();
    }

    [Fact]
    public void TheSample_DescribesOneValidInstanceWithACommitteeRuleForFutureErrands()
    {
        var section = Sample().GetSection("Adapters:Platina:sundsvall");
        var options = section.Get<PlatinaOptions>()!;

        var result = new PlatinaOptionsValidator().Validate("sundsvall", options);

        Assert.True(result.Succeeded, string.Join("\n", result.Failures ?? []));
        var rule = Assert.Single(options.Outbound.Rules);
        Assert.Equal(["edp-future"], rule.SourceSystems);
        Assert.Equal(["Till nämnd"], rule.SourceStatuses);
        Assert.Equal("va-anslutning", options.Mapping.CaseTypes["VA-ärende"]);
        // Configured entries add to the defaults.
        Assert.Equal("Öppet", options.Mapping.Statuses["Återremitterat"]);
        Assert.Equal("Stängt", options.Mapping.Statuses["avslutat"]);
        Assert.Equal("", options.Mapping.EventTypes["note-added"]);
        Assert.Equal("se.sambruk.case.decided", options.Mapping.EventTypes["decided"]);
    }

    [Fact]
    public void AddPlatinaAdapters_RegistersTheSourceItsScheduleAndTheSink()
    {
        var services = new ServiceCollection();
        var hub = new Support.InMemoryHub();
        services.AddSingleton<ICaseLookup>(hub).AddSingleton<IContentStore>(hub).AddSingleton<ICaseEventIntake>(hub);
        services.AddPlatinaAdapters(Sample());
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        var source = Assert.Single(provider.GetServices<ICaseEventSource>());
        var schedule = Assert.Single(provider.GetServices<PollSchedule>());
        var sink = Assert.Single(provider.GetServices<ICaseEventSink>());

        Assert.Equal("platina/sundsvall", source.Name);
        Assert.Equal(new PollSchedule("platina/sundsvall", "0 0/2 * * * ?", schedule.Circuit, "platina"), schedule);
        Assert.NotNull(schedule.Circuit);
        Assert.IsType<PlatinaCaseSink>(sink);
        Assert.Equal("platina-cases/sundsvall", sink.Name);
        Assert.Equal(["sundsvall"], PlatinaServiceCollectionExtensions.ConfiguredInstances(Sample()));
    }

    [Fact]
    public void AnInstanceWithoutRules_HasNoSink()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Adapters:Platina:timra:Municipality"] = "2262",
            ["Adapters:Platina:timra:BaseUrl"] = "https://platina.timra.example/",
            ["Adapters:Platina:timra:ApiKey"] = "x",
        }).Build();
        var services = new ServiceCollection();
        var hub = new Support.InMemoryHub();
        services.AddSingleton<IContentStore>(hub);
        services.AddPlatinaAdapters(configuration);
        using var provider = services.BuildServiceProvider();

        Assert.Equal("platina/timra", Assert.Single(provider.GetServices<ICaseEventSource>()).Name);
        Assert.Empty(provider.GetServices<ICaseEventSink>());
    }

    public void Dispose() => Directory.Delete(_secrets, recursive: true);
}
