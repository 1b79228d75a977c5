using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace IntegrationHub.Delivery.Webhooks;

/// <summary>
/// One Polly pipeline per webhook endpoint (scheme, host and port): a circuit breaker around a timeout. A failing
/// endpoint's circuit opens, so its deliveries fail fast and go back to the queue with their backoff instead of
/// holding workers that other subscribers need. Retries are not Polly's here: they are Rebus deferrals that survive
/// restarts and last for hours.
/// </summary>
public sealed class WebhookEndpoints(IOptions<WebhookOptions> options)
{
    /// <summary>The per-request timeout, set by the caller on the resilience context.</summary>
    public static readonly ResiliencePropertyKey<TimeSpan> TimeoutKey = new("ihub.webhook.timeout");

    // Lazy: the first deliveries to a new endpoint arrive together, and a state provider serves exactly one breaker.
    private readonly ConcurrentDictionary<string, Lazy<Endpoint>> _endpoints = new(StringComparer.Ordinal);

    /// <summary>The pipeline of the endpoint <paramref name="url"/> belongs to.</summary>
    public ResiliencePipeline<HttpResponseMessage> For(Uri url) => EndpointOf(url).Pipeline;

    /// <summary>The circuit state of the endpoint <paramref name="url"/> belongs to (closed before its first request).</summary>
    public CircuitState StateOf(Uri url) =>
        _endpoints.TryGetValue(EndpointKey(url), out var endpoint) && endpoint.IsValueCreated ? endpoint.Value.Circuit.CircuitState : CircuitState.Closed;

    private Endpoint EndpointOf(Uri url) =>
        _endpoints.GetOrAdd(EndpointKey(url), _ => new Lazy<Endpoint>(Build, LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private Endpoint Build()
    {
        var settings = options.Value;
        var circuit = new CircuitBreakerStateProvider();
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = settings.FailureRatio,
                MinimumThroughput = settings.MinimumThroughput,
                SamplingDuration = settings.SamplingDuration,
                BreakDuration = settings.BreakDuration,
                StateProvider = circuit,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    // A target the address policy refuses is the subscription's fault, not the endpoint's.
                    .Handle<HttpRequestException>(e => OutboundAddressRefusedException.FindIn(e) is null)
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(r => (int)r.StatusCode >= 500 || r.StatusCode == HttpStatusCode.TooManyRequests),
            })
            .AddTimeout(new TimeoutStrategyOptions
            {
                TimeoutGenerator = args => ValueTask.FromResult(
                    args.Context.Properties.TryGetValue(TimeoutKey, out var timeout) ? timeout : TimeSpan.FromSeconds(10)),
            })
            .Build();
        return new Endpoint(pipeline, circuit);
    }

    private static string EndpointKey(Uri url) => url.GetLeftPart(UriPartial.Authority).ToUpperInvariant();

    private sealed record Endpoint(ResiliencePipeline<HttpResponseMessage> Pipeline, CircuitBreakerStateProvider Circuit);
}
