using System.Net;

namespace IntegrationHub.Adapters.EdpFuture.Client;

/// <summary>Which HTTP statuses are worth another attempt.</summary>
internal static class EdpFutureStatusCodes
{
    public static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
}
