using System.ComponentModel.DataAnnotations;

namespace IntegrationHub.Delivery.Webhooks;

/// <summary><c>Hub:Delivery:Webhooks</c>: the circuit breaker each webhook endpoint (scheme, host and port) gets.</summary>
public sealed class WebhookOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Hub:Delivery:Webhooks";

    /// <summary>The share of failed requests within <see cref="SamplingDuration"/> that opens the circuit.</summary>
    [Range(0.01, 1.0, ErrorMessage = "Hub:Delivery:Webhooks:FailureRatio is a share between 0.01 and 1.0, e.g. 0.5.")]
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>At least this many requests within the sampling window before the circuit can open.</summary>
    [Range(2, 10_000, ErrorMessage = "Hub:Delivery:Webhooks:MinimumThroughput is between 2 and 10000.")]
    public int MinimumThroughput { get; set; } = 5;

    /// <summary>The window over which failures are counted.</summary>
    [Range(typeof(TimeSpan), "00:00:00.5", "01:00:00", ErrorMessage = "Hub:Delivery:Webhooks:SamplingDuration is between 00:00:00.5 and 01:00:00.")]
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit refuses requests to the endpoint before letting one through again.</summary>
    [Range(typeof(TimeSpan), "00:00:00.5", "01:00:00", ErrorMessage = "Hub:Delivery:Webhooks:BreakDuration is between 00:00:00.5 and 01:00:00.")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}
