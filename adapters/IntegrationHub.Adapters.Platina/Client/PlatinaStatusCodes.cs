using System.Net;

namespace IntegrationHub.Adapters.Platina.Client;

/// <summary>Which answers are worth retrying.</summary>
internal static class PlatinaStatusCodes
{
    /// <summary>5xx, 408 Request Timeout and 429 Too Many Requests.</summary>
    public static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
}
