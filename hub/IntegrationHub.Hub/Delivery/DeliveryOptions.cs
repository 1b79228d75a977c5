using System.ComponentModel.DataAnnotations;

namespace IntegrationHub.Hub.Delivery;

/// <summary><c>Hub:Delivery</c>: how events are pushed to webhook, RabbitMQ and e-mail subscriptions.</summary>
public sealed class DeliveryOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Hub:Delivery";

    /// <summary>
    /// <see cref="Enabled"/> read straight from configuration, for the registrations that must decide before options
    /// are built (whether to host the dispatcher, whether the delivery bus starts its workers).
    /// </summary>
    public static bool IsEnabled(Microsoft.Extensions.Configuration.IConfiguration configuration) =>
        Microsoft.Extensions.Configuration.ConfigurationBinder.GetValue(configuration, Section + ":" + nameof(Enabled), true);

    /// <summary>Whether this hub process dispatches and delivers (a process can be left to serve the API only).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the dispatcher looks for new events besides being woken by the pipeline (other processes' work).</summary>
    [Range(typeof(TimeSpan), "00:00:00.05", "00:01:00", ErrorMessage = "Hub:Delivery:PollInterval is between 00:00:00.05 and 00:01:00.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The most deliveries one subscription may have open (queued, in flight or waiting for a retry). This bounds its
    /// share of the delivery queue, so a backfill or a failing subscriber never crowds out the others' live events.
    /// </summary>
    [Range(1, 10_000, ErrorMessage = "Hub:Delivery:MaxOpenPerSubscription is between 1 and 10000.")]
    public int MaxOpenPerSubscription { get; set; } = 16;

    /// <summary>
    /// Deliveries that run at once in this process (network waits, not threads). On PostgreSQL each one holds two pooled
    /// connections while it runs, so keep twice this below the connection string's Maximum Pool Size (default 100).
    /// </summary>
    [Range(1, 1_000, ErrorMessage = "Hub:Delivery:MaxParallelism is between 1 and 1000.")]
    public int MaxParallelism { get; set; } = 32;

    /// <summary>
    /// How long a delivery message stays invisible to other workers while one attempt runs. If the hub dies mid-attempt
    /// the delivery is tried again once this has passed; it must exceed the longest webhook timeout.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Hub:Delivery:LeaseDuration is between 00:00:01 and 01:00:00, and longer than any webhook timeout.")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The first retry's delay; each further one doubles (with jitter) up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.01", "01:00:00", ErrorMessage = "Hub:Delivery:FirstRetryDelay is between 00:00:00.01 and 01:00:00.")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest wait between two attempts.</summary>
    [Range(typeof(TimeSpan), "00:00:00.01", "1.00:00:00", ErrorMessage = "Hub:Delivery:MaxRetryDelay is between 00:00:00.01 and 1.00:00:00.")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Attempts before a delivery is dead-lettered (15 with the defaults: about seven and a half hours).</summary>
    [Range(1, 100, ErrorMessage = "Hub:Delivery:MaxAttempts is between 1 and 100.")]
    public int MaxAttempts { get; set; } = 15;
}
