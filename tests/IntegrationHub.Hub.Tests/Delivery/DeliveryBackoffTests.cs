using IntegrationHub.Hub.Delivery;

namespace IntegrationHub.Hub.Tests.Delivery;

/// <summary>The wait between delivery attempts: doubling, capped, jittered, and never shorter than the subscriber asked.</summary>
public sealed class DeliveryBackoffTests
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Max = TimeSpan.FromHours(1);

    [Theory]
    [InlineData(1, 5, 10)]
    [InlineData(2, 10, 20)]
    [InlineData(5, 80, 160)]
    [InlineData(12, 1800, 3600)]
    [InlineData(40, 1800, 3600)]
    public void Next_DoublesPerAttempt_WithJitterInTheUpperHalf_UpToTheCap(int attempts, double lowSeconds, double highSeconds)
    {
        var random = new Random(4711);
        var waits = Enumerable.Range(0, 500).Select(_ => DeliveryBackoff.Next(attempts, First, Max, null, random).TotalSeconds).ToList();

        Assert.All(waits, w => Assert.InRange(w, lowSeconds, highSeconds));
        Assert.True(waits.Distinct().Count() > 100, "the waits are spread, so subscribers that failed together do not retry together");
    }

    [Fact]
    public void Next_HonoursRetryAfter_WhenLongerThanTheBackoff_ButNeverBeyondTheCap()
    {
        var random = new Random(1);

        Assert.Equal(TimeSpan.FromMinutes(2), DeliveryBackoff.Next(1, First, Max, TimeSpan.FromMinutes(2), random));
        Assert.Equal(Max, DeliveryBackoff.Next(1, First, Max, TimeSpan.FromDays(1), random));
        Assert.InRange(DeliveryBackoff.Next(3, First, Max, TimeSpan.FromSeconds(1), random).TotalSeconds, 20, 40);
    }

    [Fact]
    public void DefaultSchedule_RetriesForHours_BeforeDeadLettering()
    {
        var options = new DeliveryOptions();
        var random = new Random(7);

        var lowest = Enumerable.Range(1, options.MaxAttempts - 1)
            .Sum(a => DeliveryBackoff.Next(a, options.FirstRetryDelay, options.MaxRetryDelay, null, random).TotalHours);

        Assert.True(lowest > 3, $"the default schedule spans {lowest:0.0} h");
    }
}
