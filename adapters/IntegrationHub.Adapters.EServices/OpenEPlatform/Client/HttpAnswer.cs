using System.Net;

namespace IntegrationHub.Adapters.EServices.OpenEPlatform.Client;

/// <summary>A whole HTTP answer, read within the per-attempt timeout.</summary>
internal sealed record HttpAnswer(HttpStatusCode Status, string? MediaType, string? Charset, byte[] Body, TimeSpan? RetryAfter)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;
}
