using System.Net.Http.Headers;

namespace IntegrationHub.Adapters.Platina.Client;

/// <summary>Adds the API key (in its header, or as a bearer token) to every request.</summary>
internal sealed class AuthenticationHandler(PlatinaAuthentication authentication, string headerName, string apiKey, HttpMessageHandler inner)
    : DelegatingHandler(inner)
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (authentication == PlatinaAuthentication.Bearer)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }
        else
        {
            request.Headers.Remove(headerName);
            request.Headers.TryAddWithoutValidation(headerName, apiKey);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
