using System.Net.Http.Headers;

namespace IntegrationHub.Adapters.Platina.Client;

/// <summary>Reads a Retry-After header (delta-seconds or an HTTP date).</summary>
internal static class RetryAfter
{
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

    public static TimeSpan? From(HttpResponseHeaders? headers, TimeProvider timeProvider) => From(headers?.RetryAfter, timeProvider);
}
