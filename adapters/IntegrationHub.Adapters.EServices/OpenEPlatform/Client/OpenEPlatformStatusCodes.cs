using System.Net;

namespace IntegrationHub.Adapters.EServices.OpenEPlatform.Client;

/// <summary>Which answers are worth another attempt.</summary>
internal static class OpenEPlatformStatusCodes
{
    /// <summary>
    /// 408, 429, 502, 503, 504, and a 500 that is not a SOAP fault: JAX-WS answers every fault with 500 and an XML body,
    /// and a fault (unknown instance, access denied) does not go away by retrying.
    /// </summary>
    public static bool IsTransient(HttpStatusCode status, string? mediaType) => status switch
    {
        HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => true,
        HttpStatusCode.InternalServerError => mediaType is null || !mediaType.Contains("xml", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    public static bool IsTransient(HttpResponseMessage response) =>
        IsTransient(response.StatusCode, response.Content.Headers.ContentType?.MediaType);
}
