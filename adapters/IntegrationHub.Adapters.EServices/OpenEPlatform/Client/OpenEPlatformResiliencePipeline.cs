using System.Net;
using IntegrationHub.Adapters.Abstractions;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace IntegrationHub.Adapters.EServices.OpenEPlatform.Client;

/// <summary>
/// Retry (exponential backoff with jitter, honouring Retry-After) around a circuit breaker (reported to the
/// <see cref="CircuitMonitor"/>) around a per-attempt timeout.
/// </summary>
internal static class OpenEPlatformResiliencePipeline
{
    public static readonly ResiliencePropertyKey<bool> NotIdempotent = new("open-eplatform.not-idempotent");

    public static ResiliencePipeline<HttpResponseMessage> Create(OpenEPlatformOptions options, CircuitMonitor circuit, TimeProvider timeProvider)
    {
        var resilience = options.Resilience;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };
        if (resilience.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = resilience.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = resilience.RetryDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? RetryAfter.From(response.Headers, timeProvider) : null),
            });
        }

        builder.AddCircuitBreaker(circuit.Reporting(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            FailureRatio = resilience.FailureRatio,
            MinimumThroughput = resilience.MinimumThroughput,
            SamplingDuration = resilience.SamplingDuration,
            BreakDuration = resilience.BreakDuration,
            ShouldHandle = args => ValueTask.FromResult(IsFailure(args.Outcome)),
        }, timeProvider));
        builder.AddTimeout(TimeSpan.FromSeconds(options.TimeoutSeconds));
        return builder.Build();
    }

    private static bool IsFailure(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException or TimeoutRejectedException
        || (outcome.Result is { } response && OpenEPlatformStatusCodes.IsTransient(response));

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        // An open circuit fails fast on purpose; retrying would only wait for it.
        if (outcome.Exception is BrokenCircuitException || !IsFailure(outcome))
        {
            return false;
        }

        if (!context.Properties.GetValue(NotIdempotent, false))
        {
            return true;
        }

        // The request may have been carried out; only answers that say it was not are safe to repeat.
        return outcome.Result?.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests
            || outcome.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError };
    }
}
