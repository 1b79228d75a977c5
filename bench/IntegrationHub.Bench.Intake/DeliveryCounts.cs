namespace IntegrationHub.Bench.Intake;

/// <summary>A push subscription's deliveries per state, as the hub counts them.</summary>
internal sealed record DeliveryCounts(long Pending, long Failing, long Delivered, long Skipped, long DeadLettered)
{
    public static DeliveryCounts Zero { get; } = new(0, 0, 0, 0, 0);

    public DeliveryCounts Add(DeliveryCounts other) =>
        new(Pending + other.Pending, Failing + other.Failing, Delivered + other.Delivered, Skipped + other.Skipped, DeadLettered + other.DeadLettered);
}
