using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Adapters.EdpFuture.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Adapters.EdpFuture.Tests.Configuration;

/// <summary>AddEdpFutureAdapters: one client, source and poll schedule per enabled instance; bad settings stop the start.</summary>
public sealed class RegistrationTests
{
    private static IConfiguration Configuration(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    private static (string, string?)[] Instance(string name, string municipality) =>
    [
        ($"Adapters:EdpFuture:{name}:Municipality", municipality),
        ($"Adapters:EdpFuture:{name}:BaseUrl", $"https://future.{name}.example/EDPFutureWebAPI/EDPFutureWebAPI.svc"),
        ($"Adapters:EdpFuture:{name}:CustomerIds:0", "100245"),
        ($"Adapters:EdpFuture:{name}:Statuses:Till nämnd", "Open"),
    ];

    [Fact]
    public void EachEnabledInstance_GetsASourceAScheduleWithItsCircuit_AndAKeyedClient()
    {
        var configuration = Configuration(
        [
            .. Instance("sundsvall", "2281"),
            .. Instance("timra", "2262"),
            ("Adapters:EdpFuture:timra:Schedule", "0 0/15 * * * ?"),
            ("Adapters:EdpFuture:avstangd:Enabled", "false"),
        ]);
        var services = new ServiceCollection().AddEdpFutureAdapters(configuration);

        using var provider = services.BuildServiceProvider();

        var sources = provider.GetServices<ICaseEventSource>().Select(s => s.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["edp-future/sundsvall", "edp-future/timra"], sources);
        var schedules = provider.GetServices<PollSchedule>().OrderBy(s => s.SourceName, StringComparer.Ordinal).ToList();
        Assert.Equal(["0 0/5 * * * ?", "0 0/15 * * * ?"], schedules.Select(s => s.CronExpression));
        Assert.All(schedules, s => Assert.Equal("edp-future", s.Kind));
        Assert.All(schedules, s => Assert.NotNull(s.Circuit));
        Assert.NotSame(schedules[0].Circuit, schedules[1].Circuit);
        Assert.NotNull(provider.GetRequiredKeyedService<EdpFutureClient>("sundsvall"));
        Assert.Equal(CaseStatusOpen(), provider.GetRequiredService<IOptionsMonitor<EdpFutureOptions>>().Get("sundsvall").Statuses["Till nämnd"]);
        // The poller reads the schedules as instances at registration time.
        Assert.Equal(2, services.Count(d => d.ServiceType == typeof(PollSchedule) && d.ImplementationInstance is PollSchedule));
    }

    [Fact]
    public void BadSettings_StopTheRegistration_WithEveryProblemOfEveryInstanceListed()
    {
        var configuration = Configuration(
            ("Adapters:EdpFuture:sundsvall:Municipality", "Sundsvall"),
            ("Adapters:EdpFuture:sundsvall:CustomerIds:0", "100245"),
            ("Adapters:EdpFuture:timra:Municipality", "2262"),
            ("Adapters:EdpFuture:timra:BaseUrl", "https://future.timra.example/EDPFutureWebAPI.svc"),
            ("Adapters:EdpFuture:timra:CustomerIds:0", "200017"),
            ("Adapters:EdpFuture:timra:BatchSize", "0"));

        var errors = EdpFutureServiceCollectionExtensions.ValidateEdpFutureAdapters(configuration);
        var e = Assert.Throws<OptionsValidationException>(() => new ServiceCollection().AddEdpFutureAdapters(configuration));

        Assert.Equal(3, errors.Count);
        Assert.Equal(errors, e.Failures);
        Assert.Contains(e.Failures, f => f.StartsWith("Adapters:EdpFuture:sundsvall:Municipality", StringComparison.Ordinal));
        Assert.Contains(e.Failures, f => f.StartsWith("Adapters:EdpFuture:sundsvall:BaseUrl", StringComparison.Ordinal));
        Assert.Contains(e.Failures, f => f.StartsWith("Adapters:EdpFuture:timra:BatchSize", StringComparison.Ordinal));
    }

    [Fact]
    public void AStatusThatIsNoCaseStatus_IsNamed_RatherThanSilentlyDropped()
    {
        var configuration = Configuration([.. Instance("sundsvall", "2281"), ("Adapters:EdpFuture:sundsvall:Statuses:Avslutat", "Stängd")]);

        var error = Assert.Single(EdpFutureServiceCollectionExtensions.ValidateEdpFutureAdapters(configuration));

        Assert.Equal("Adapters:EdpFuture:sundsvall:Statuses:Avslutat must be one of: Open, Dormant, Closed, Annulled, AdActa (not \"Stängd\").", error);
    }

    [Fact]
    public void AMisspeltSetting_OrAValueOfTheWrongType_IsReportedWithItsInstance()
    {
        var misspelt = Configuration([.. Instance("sundsvall", "2281"), ("Adapters:EdpFuture:sundsvall:CustomerId", "100245")]);
        var wrongType = Configuration([.. Instance("sundsvall", "2281"), ("Adapters:EdpFuture:sundsvall:BatchSize", "många")]);

        var typo = Assert.Single(EdpFutureServiceCollectionExtensions.ValidateEdpFutureAdapters(misspelt));
        var type = Assert.Single(EdpFutureServiceCollectionExtensions.ValidateEdpFutureAdapters(wrongType));

        Assert.StartsWith("Adapters:EdpFuture:sundsvall could not be read:", typo, StringComparison.Ordinal);
        Assert.Contains("CustomerId", typo, StringComparison.Ordinal);
        Assert.StartsWith("Adapters:EdpFuture:sundsvall could not be read:", type, StringComparison.Ordinal);
        Assert.Contains("BatchSize", type, StringComparison.Ordinal);
    }

    private static Canonical.Model.CaseStatus CaseStatusOpen() => Canonical.Model.CaseStatus.Open;
}
