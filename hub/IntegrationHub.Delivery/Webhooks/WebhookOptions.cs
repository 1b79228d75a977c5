using System.ComponentModel.DataAnnotations;

namespace IntegrationHub.Delivery.Webhooks;

/// <summary>
/// <c>Hub:Delivery:Webhooks</c>: the circuit breaker each webhook endpoint (scheme, host and port) gets, and the
/// non-public targets an administrator allows (<see cref="OutboundAddressPolicy"/>).
/// </summary>
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

    /// <summary>
    /// Networks in CIDR notation (<c>10.20.0.0/16</c>, <c>fd00:1234::/32</c>, or one address such as <c>10.20.30.40</c>)
    /// that webhooks may go to although they are not public: loopback, private, link-local and the like are refused otherwise.
    /// </summary>
    public IList<string> AllowedNetworks { get; } = [];

    /// <summary>
    /// Host names webhooks may go to whatever they resolve to, e.g. <c>minasidor.intern.sundsvall.se</c>, or
    /// <c>*.intern.sundsvall.se</c> for every name under it.
    /// </summary>
    public IList<string> AllowedHosts { get; } = [];
}
