using System.Net.Http.Headers;

namespace IntegrationHub.Adapters.Abstractions;

/// <summary>Reads a Retry-After header (delta-seconds or an HTTP date).</summary>
public static class RetryAfter
{
    /// <summary>How long the far side asked to wait, or null when it did not say.</summary>
    public static TimeSpan? From(RetryConditionHeaderValue? header, TimeProvider timeProvider)
    {
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>The same, from a response's headers.</summary>
    public static TimeSpan? From(HttpResponseHeaders? headers, TimeProvider timeProvider) => From(headers?.RetryAfter, timeProvider);
}
