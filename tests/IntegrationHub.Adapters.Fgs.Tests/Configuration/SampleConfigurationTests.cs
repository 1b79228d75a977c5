using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Canonical.Model;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Adapters.Fgs.Tests.Configuration;

/// <summary>The shipped example (samples/config/fgs.appsettings.json) binds, validates and registers one source per folder.</summary>
public sealed class SampleConfigurationTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>The sample with its folders pointed at folders that exist here.</summary>
    private IConfiguration SampleConfiguration()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "samples", "config", "fgs.appsettings.json");
        var sample = new ConfigurationBuilder().AddJsonFile(path).Build();
        var folders = sample.GetSection(FgsOptions.Section).GetChildren()
            .ToDictionary(s => $"{FgsOptions.Section}:{s.Key}:Folder", s => (string?)_temp.Sub(s.Key));
        return new ConfigurationBuilder().AddJsonFile(path).AddInMemoryCollection(folders).Build();
    }

    [Fact]
    public void TheSample_DescribesTwoValidDropFolders()
    {
        var configuration = SampleConfiguration();
        var validator = new FgsOptionsValidator();
        var names = new List<string>();

        foreach (var section in configuration.GetSection(FgsOptions.Section).GetChildren())
        {
            var options = section.Get<FgsOptions>()!;
            var result = validator.Validate(section.Key, options);
            Assert.True(result.Succeeded, string.Join("\n", result.Failures ?? []));
            names.Add(section.Key);
        }

        Assert.Equal(["bygglov-export", "platina-arkiv"], names.Order(StringComparer.Ordinal));
        var platina = configuration.GetSection("Adapters:Fgs:platina-arkiv").Get<FgsOptions>()!;
        Assert.Equal(("platina", "medborgarforslag", DataClassification.Internal), (platina.SourceSystem, platina.CaseTypes["medborgarförslag"], platina.DefaultClassification));
        var bygglov = configuration.GetSection("Adapters:Fgs:bygglov-export").Get<FgsOptions>()!;
        Assert.Equal((DataClassification.Confidential, 30, 500), (bygglov.DefaultClassification, bygglov.SettleSeconds, bygglov.MaxFileMegabytes));
    }

    [Fact]
    public void AddFgsAdapters_RegistersASourceAndAScheduleForEveryFolder()
    {
        using var provider = Services(SampleConfiguration()).BuildServiceProvider();

        var sources = provider.GetServices<ICaseEventSource>().Select(s => s.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["fgs/bygglov-export", "fgs/platina-arkiv"], sources);
        var schedules = provider.GetServices<PollSchedule>().OrderBy(s => s.SourceName, StringComparer.Ordinal).ToList();
        Assert.Equal(
            [new PollSchedule("fgs/bygglov-export", "0 0/5 * * * ?", null, "fgs"), new PollSchedule("fgs/platina-arkiv", "0/30 * * * * ?", null, "fgs")],
            schedules);
    }

    [Fact]
    public void AMissingFolder_StopsTheRegistrationWithTheValidatorsMessage()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Adapters:Fgs:platina-arkiv:Municipality"] = "2281",
            ["Adapters:Fgs:platina-arkiv:Folder"] = "/srv/fgs-in",
        }).Build();
        using var provider = Services(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetServices<ICaseEventSource>().ToList());

        Assert.Contains("Adapters:Fgs:platina-arkiv:Folder (/srv/fgs-in) does not exist: create it or correct the path.", error.Failures);
        Assert.Equal("0/30 * * * * ?", Assert.Single(provider.GetServices<PollSchedule>()).CronExpression);
    }

    [Fact]
    public void ADisabledFolder_IsNotRegistered()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Adapters:Fgs:vilande:Enabled"] = "false",
        }).Build();
        using var provider = Services(configuration).BuildServiceProvider();

        Assert.Empty(provider.GetServices<ICaseEventSource>());
        Assert.Empty(FgsServiceCollectionExtensions.ConfiguredFolders(configuration));
    }

    private static ServiceCollection Services(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IContentStore, InMemoryContentStore>();
        services.AddSingleton<ILoggerFactory, NullLoggerFactory>();
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddFgsAdapters(configuration);
        return services;
    }
}
