using IntegrationHub.Adapters.Abstractions;

namespace IntegrationHub.Adapters.EServices.OpenEPlatform.Client;

/// <summary>One instance's typed clients over one connection, so the source and the callback share one circuit.</summary>
internal sealed class OpenEPlatformConnection(InstanceApiClient instances, CallbackClient callback)
{
    public InstanceApiClient Instances { get; } = instances;

    public CallbackClient Callback { get; } = callback;

    public static OpenEPlatformConnection Create(string instance, OpenEPlatformOptions options, CircuitMonitor circuit, TimeProvider timeProvider, HttpMessageHandler? transport = null)
    {
        var baseUrl = options.BaseUrl ?? throw new InvalidOperationException($"{OpenEPlatformOptions.Section}:{instance}:BaseUrl is not set.");
        var pipeline = OpenEPlatformResiliencePipeline.Create(options, circuit, timeProvider);
        // Connections are recycled so a DNS change of the platform's host is picked up without a restart.
        var sockets = transport ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        var handler = new BasicAuthenticationHandler(options.Username ?? string.Empty, Password(instance, options), new ResilienceHandler(pipeline, sockets));
        var client = new HttpClient(handler)
        {
            BaseAddress = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/"),
            // Each attempt has its own timeout in the pipeline; the whole call may take retries longer.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var http = new OpenEPlatformHttp(client, instance, options, timeProvider);
        return new OpenEPlatformConnection(new InstanceApiClient(http), new CallbackClient(http));
    }

    /// <summary>The password from the setting (an environment variable) or the file it names.</summary>
    public static string Password(string instance, OpenEPlatformOptions options)
    {
        if (!string.IsNullOrEmpty(options.Password))
        {
            return options.Password;
        }

        if (!string.IsNullOrEmpty(options.PasswordFile))
        {
            return File.ReadAllText(options.PasswordFile).Trim();
        }

        throw new InvalidOperationException($"{OpenEPlatformOptions.Section}:{instance}:Password is not set.");
    }
}
