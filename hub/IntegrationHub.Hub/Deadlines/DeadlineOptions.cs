namespace IntegrationHub.Hub.Deadlines;

/// <summary>Configuration section <c>Hub:Deadlines</c>: when the hub checks for passed deadlines.</summary>
public sealed class DeadlineOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Hub:Deadlines";

    /// <summary>Whether the check runs at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>A Quartz cron expression (seconds first), in Swedish time. Default: every 15 minutes.</summary>
    public string Cron { get; set; } = "0 0/15 * * * ?";
}
