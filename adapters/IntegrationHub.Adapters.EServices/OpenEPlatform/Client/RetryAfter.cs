using System.Net.Http.Headers;

namespace IntegrationHub.Adapters.EServices.OpenEPlatform.Client;

/// <summary>Reads a Retry-After header (delta-seconds or an HTTP date).</summary>
internal static class RetryAfter
{
    public static TimeSpan? From(HttpResponseHeaders? headers, TimeProvider timeProvider)
    {
        if (headers?.RetryAfter?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (headers?.RetryAfter?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
