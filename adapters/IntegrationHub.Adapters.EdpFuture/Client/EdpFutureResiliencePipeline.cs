using IntegrationHub.Adapters.Abstractions;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace IntegrationHub.Adapters.EdpFuture.Client;

/// <summary>
/// Retry (exponential backoff with jitter) around a circuit breaker around a per-attempt timeout. Only what may pass
/// is retried and counted against the circuit: HTTP 5xx/408/429 without a SOAP fault, timeouts and connection errors.
/// A SOAP fault or an OperationResult failure is Future's answer and would come again.
/// </summary>
internal static class EdpFutureResiliencePipeline
{
    public static ResiliencePipeline<SoapReply> Create(EdpFutureOptions options, CircuitMonitor circuit, TimeProvider timeProvider)
    {
        var resilience = options.Resilience;
        var builder = new ResiliencePipelineBuilder<SoapReply> { TimeProvider = timeProvider };
        if (resilience.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<SoapReply>
            {
                MaxRetryAttempts = resilience.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = resilience.RetryDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is not BrokenCircuitException && IsFailure(args.Outcome)),
            });
        }

        builder.AddCircuitBreaker(circuit.Reporting(new CircuitBreakerStrategyOptions<SoapReply>
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

    private static bool IsFailure(Outcome<SoapReply> outcome) =>
        outcome.Exception is HttpRequestException or TimeoutRejectedException or IOException
        || outcome.Result is { IsTransientFailure: true };
}
