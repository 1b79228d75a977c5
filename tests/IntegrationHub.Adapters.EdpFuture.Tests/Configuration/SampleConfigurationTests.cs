using Microsoft.Extensions.Configuration;

namespace IntegrationHub.Adapters.EdpFuture.Tests.Configuration;

/// <summary>The shipped configuration example (samples/config/edp-future.appsettings.json) binds and passes the adapter's checks.</summary>
public sealed class SampleConfigurationTests
{
    private static string SamplePath => Path.Combine(AppContext.BaseDirectory, "samples", "config", "edp-future.appsettings.json");

    [Fact]
    public void TheSample_DescribesTwoValidInstances_OneWithAPasswordFileAndMappings()
    {
        var secrets = Directory.CreateTempSubdirectory("ihub-edp-secrets-").FullName;
        var configuration = new ConfigurationBuilder().AddJsonFile(SamplePath).Build();
        var validator = new EdpFutureOptionsValidator();
        var names = new List<string>();

        foreach (var section in configuration.GetSection(EdpFutureOptions.Section).GetChildren())
        {
            var options = section.Get<EdpFutureOptions>()!;
            // The secret lives outside the configuration; point the file at a stand-in that exists.
            if (options.PasswordFile is { } file)
            {
                options.PasswordFile = Path.Combine(secrets, Path.GetFileName(file));
                File.WriteAllText(options.PasswordFile, "hemligt");
            }

            var result = validator.Validate(section.Key, options);
            Assert.True(result.Succeeded, string.Join("\n", result.Failures ?? []));
            names.Add(section.Key);
        }

        Assert.Equal(["sundsvall", "timra"], names.Order(StringComparer.Ordinal));
        var sundsvall = configuration.GetSection("Adapters:EdpFuture:sundsvall").Get<EdpFutureOptions>()!;
        Assert.Equal([100245, 100311, 100412], sundsvall.CustomerIds);
        Assert.Equal("renhallning-klagomal", sundsvall.CaseTypes["Klagomål"]);
        Assert.Equal(Canonical.Model.CaseStatus.Open, sundsvall.Statuses["Till nämnd"]);
        Assert.Equal(TimeSpan.FromMinutes(1), sundsvall.Resilience.BreakDuration);
        var timra = configuration.GetSection("Adapters:EdpFuture:timra").Get<EdpFutureOptions>()!;
        Assert.Equal("Europe/Stockholm", timra.TimeZone);
        Assert.Equal(100, timra.BatchSize);
        Directory.Delete(secrets, recursive: true);
    }
}
