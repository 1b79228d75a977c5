namespace IntegrationHub.Adapters.Polling;

/// <summary>The poller's settings (<c>Hub:Polling</c>).</summary>
public sealed class SourcePollingOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Hub:Polling";

    /// <summary>Schedules are on (off in tests that drive <see cref="SourcePoller"/> themselves).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How long a process keeps a source's poll after its last poll: another process takes over only when this one has
    /// not polled for this long (it stopped or hangs). Longer than the slowest schedule's interval.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Batches one run takes at most while the source says it has more, before the next trigger.</summary>
    public int MaxBatchesPerRun { get; set; } = 100;
}
