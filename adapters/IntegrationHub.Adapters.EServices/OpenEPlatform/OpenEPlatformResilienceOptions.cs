namespace IntegrationHub.Adapters.EServices.OpenEPlatform;

/// <summary>How hard the adapter tries before it reports Open ePlatform as unavailable.</summary>
public sealed class OpenEPlatformResilienceOptions
{
    /// <summary>Retries after a 502/503/504, 408, 429, a timeout or a network error (0 to 10).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's delay; it doubles per retry, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The share of failed calls within <see cref="SamplingDuration"/> that opens the circuit.</summary>
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>Calls within <see cref="SamplingDuration"/> before the circuit may open (at least 2).</summary>
    public int MinimumThroughput { get; set; } = 10;

    /// <summary>The window failures are counted in.</summary>
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit fails calls at once before it tries again.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}
