using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Adapters.Platina.Client;
using IntegrationHub.Adapters.Platina.Outbound;

namespace IntegrationHub.Adapters.Platina.Tests.Support;

/// <summary>Options for an instance talking to the simulator, with retries fast enough for tests.</summary>
internal static class TestOptions
{
    public const string Instance = "sundsvall";

    public static PlatinaOptions For(PlatinaSimulator platina, params PlatinaOutboundRule[] rules)
    {
        var options = new PlatinaOptions
        {
            Municipality = "2281",
            BaseUrl = platina.Url,
            ApiKey = PlatinaSimulator.ApiKey,
            PageSize = 100,
            TimeoutSeconds = 5,
            Resilience = new PlatinaResilienceOptions { MaxRetries = 2, RetryDelay = TimeSpan.FromMilliseconds(5) },
        };
        options.Mapping.CaseTypes["Bygglov"] = "bygglov";
        options.Mapping.CaseTypes["Medborgarförslag"] = "medborgarforslag";
        options.Mapping.CaseTypes["VA-ärende"] = "va-anslutning";
        options.Outbound.Rules.AddRange(rules);
        return options;
    }

    public static PlatinaClient Client(PlatinaOptions options, CircuitMonitor? circuit = null) =>
        PlatinaClientFactory.Create(Instance, options, circuit ?? new CircuitMonitor(), TimeProvider.System);

    public static PlatinaOutboundRule CommitteeRule() => new()
    {
        Name = "future-till-namnd",
        SourceSystems = ["edp-future"],
        CaseTypes = ["va-anslutning"],
        SourceStatuses = ["Till nämnd"],
        Unit = "bmf-kansli",
    };
}
