using IntegrationHub.Adapters.Abstractions;
using Refit;

namespace IntegrationHub.Adapters.Platina.Client;

/// <summary>Builds one instance's client: Refit over authentication over the resilience pipeline over sockets.</summary>
internal static class PlatinaClientFactory
{
    public static PlatinaClient Create(string instance, PlatinaOptions options, CircuitMonitor circuit, TimeProvider timeProvider, HttpMessageHandler? transport = null)
    {
        var baseUrl = options.BaseUrl ?? throw new InvalidOperationException($"{PlatinaOptions.Section}:{instance}:BaseUrl is not set.");
        var pipeline = PlatinaResiliencePipeline.Create(options, circuit, timeProvider);
        // Connections are recycled so a DNS change of the Platina host is picked up without a restart.
        var sockets = transport ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        var handler = new AuthenticationHandler(options.Authentication, options.ApiKeyHeader, ApiKey(instance, options), new ResilienceHandler(pipeline, sockets));
        var http = new HttpClient(handler)
        {
            BaseAddress = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/"),
            // Each attempt has its own timeout in the pipeline; the whole call may take retries longer.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var settings = new RefitSettings(new SystemTextJsonContentSerializer(PlatinaJson.Options));
        return new PlatinaClient(RestService.For<IPlatinaApi>(http, settings), new PlatinaErrors(instance, options, timeProvider));
    }

    /// <summary>The key from the setting (an environment variable) or the file it names.</summary>
    public static string ApiKey(string instance, PlatinaOptions options)
    {
        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            return options.ApiKey;
        }

        if (!string.IsNullOrEmpty(options.ApiKeyFile))
        {
            return File.ReadAllText(options.ApiKeyFile).Trim();
        }

        throw new InvalidOperationException($"{PlatinaOptions.Section}:{instance}:ApiKey is not set.");
    }
}
