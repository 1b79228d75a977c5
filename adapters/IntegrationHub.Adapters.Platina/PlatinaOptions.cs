using IntegrationHub.Adapters.Platina.Mapping;
using IntegrationHub.Adapters.Platina.Outbound;

namespace IntegrationHub.Adapters.Platina;

/// <summary>
/// One Platina installation: <c>Adapters:Platina:{instance}</c>, e.g. <c>Adapters:Platina:sundsvall</c>. The adapter
/// speaks the integration contract in <c>samples/platina/platina-integration.openapi.yaml</c>; the API key comes from an
/// environment variable or a file, never from committed settings.
/// </summary>
public sealed class PlatinaOptions
{
    /// <summary>The configuration section holding one entry per Platina instance.</summary>
    public const string Section = "Adapters:Platina";

    /// <summary>Kommunkod of the municipality whose diarium this Platina is.</summary>
    public string? Municipality { get; set; }

    /// <summary>False to configure an instance without starting it.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The address of the integration API, e.g. https://platina.kommun.se/integration/v1/.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>How the key is sent: in <see cref="ApiKeyHeader"/> or as a bearer token.</summary>
    public PlatinaAuthentication Authentication { get; set; } = PlatinaAuthentication.ApiKey;

    /// <summary>The header that carries the API key (with <see cref="PlatinaAuthentication.ApiKey"/>).</summary>
    public string ApiKeyHeader { get; set; } = "X-Api-Key";

    /// <summary>The API key or token (set it from an environment variable, e.g. <c>Adapters__Platina__sundsvall__ApiKey</c>).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Or: a file holding the API key (e.g. a mounted secret).</summary>
    public string? ApiKeyFile { get; set; }

    /// <summary>When to read new Platina events: a Quartz cron expression, seconds first.</summary>
    public string Schedule { get; set; } = "0 0/2 * * * ?";

    /// <summary>Events asked for per request.</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>Seconds one HTTP attempt may take (a file download included).</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Classification of inbound events whose Platina case carries none.</summary>
    public string DefaultClassification { get; set; } = "internal";

    /// <summary>Retries and circuit breaker toward Platina.</summary>
    public PlatinaResilienceOptions Resilience { get; set; } = new();

    /// <summary>Case types, statuses, event types, decision outcomes and field names.</summary>
    public PlatinaMappingOptions Mapping { get; set; } = new();

    /// <summary>The committee flow: which hub events create or update a Platina case.</summary>
    public PlatinaOutboundOptions Outbound { get; set; } = new();
}
