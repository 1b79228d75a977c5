using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Timeout;

namespace IntegrationHub.Delivery.Webhooks;

/// <summary>
/// One Polly pipeline per webhook endpoint (scheme, host and port): a circuit breaker around a timeout. A failing
/// endpoint's circuit opens, so its deliveries fail fast and go back to the queue with their backoff instead of
/// holding workers that other subscribers need. Retries are not Polly's here: they are Rebus deferrals that survive
/// restarts and last for hours.
/// </summary>
public sealed class WebhookEndpoints(IOptions<WebhookOptions> options) : IDisposable
{
    /// <summary>The per-request timeout, set by the caller on the resilience context.</summary>
    public static readonly ResiliencePropertyKey<TimeSpan> TimeoutKey = new("ihub.webhook.timeout");

    private readonly ResiliencePipelineRegistry<string> _registry = new();
    private readonly ConcurrentDictionary<string, CircuitBreakerStateProvider> _circuits = new(StringComparer.Ordinal);

    /// <summary>The pipeline of the endpoint <paramref name="url"/> belongs to.</summary>
    public ResiliencePipeline<HttpResponseMessage> For(Uri url) =>
        _registry.GetOrAddPipeline<HttpResponseMessage>(EndpointKey(url), builder =>
        {
            var settings = options.Value;
            builder
                .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
                {
                    FailureRatio = settings.FailureRatio,
                    MinimumThroughput = settings.MinimumThroughput,
                    SamplingDuration = settings.SamplingDuration,
                    BreakDuration = settings.BreakDuration,
                    StateProvider = _circuits.GetOrAdd(EndpointKey(url), _ => new CircuitBreakerStateProvider()),
                    ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                        .Handle<HttpRequestException>()
                        .Handle<TimeoutRejectedException>()
                        .HandleResult(r => (int)r.StatusCode >= 500 || r.StatusCode == HttpStatusCode.TooManyRequests),
                })
                .AddTimeout(new TimeoutStrategyOptions
                {
                    TimeoutGenerator = args => ValueTask.FromResult(
                        args.Context.Properties.TryGetValue(TimeoutKey, out var timeout) ? timeout : TimeSpan.FromSeconds(10)),
                });
        });

    /// <summary>The circuit state of the endpoint <paramref name="url"/> belongs to (closed before its first request).</summary>
    public CircuitState StateOf(Uri url) =>
        _circuits.TryGetValue(EndpointKey(url), out var provider) ? provider.CircuitState : CircuitState.Closed;

    /// <inheritdoc />
    public void Dispose() => _registry.Dispose();

    private static string EndpointKey(Uri url) => url.GetLeftPart(UriPartial.Authority).ToUpperInvariant();
}
