namespace IntegrationHub.Hub.Delivery;

/// <summary>Exponential backoff with jitter between delivery attempts, honouring what the subscriber asked for.</summary>
public static class DeliveryBackoff
{
    /// <summary>
    /// The wait after the <paramref name="attempts"/>th failed attempt: the first delay doubled per earlier attempt, capped,
    /// then a random point in its upper half (so subscribers that failed together do not retry together), and at least
    /// <paramref name="retryAfter"/> when the subscriber gave one.
    /// </summary>
    public static TimeSpan Next(int attempts, TimeSpan first, TimeSpan max, TimeSpan? retryAfter, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var exponential = first.TotalMilliseconds * Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var capped = Math.Min(exponential, max.TotalMilliseconds);
        var jittered = TimeSpan.FromMilliseconds((capped / 2) + (random.NextDouble() * capped / 2));
        return retryAfter is { } asked && asked > jittered ? (asked < max ? asked : max) : jittered;
    }
}
