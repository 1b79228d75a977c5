using IntegrationHub.Adapters.Abstractions;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace IntegrationHub.Adapters.Platina.Client;

/// <summary>
/// Retry (exponential backoff with jitter, honouring Retry-After) around a circuit breaker around a per-attempt
/// timeout. POSTs are retried too: the contract makes them idempotent through their external id (409 = already there).
/// </summary>
internal static class PlatinaResiliencePipeline
{
    public static ResiliencePipeline<HttpResponseMessage> Create(PlatinaOptions options, CircuitMonitor circuit, TimeProvider timeProvider)
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
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, resilience.MaxRetryAfter, timeProvider)),
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
        || (outcome.Result is { } response && PlatinaStatusCodes.IsTransient(response.StatusCode));

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, TimeSpan maxRetryAfter, TimeProvider timeProvider)
    {
        // An open circuit fails fast on purpose; retrying would only wait for it.
        if (outcome.Exception is BrokenCircuitException || !IsFailure(outcome))
        {
            return false;
        }

        // A long Retry-After is not waited for here: the poller or the hub's delivery retries later.
        return outcome.Result is not { } response || !(RetryAfter.From(response.Headers, timeProvider) > maxRetryAfter);
    }
}
