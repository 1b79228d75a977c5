using System.Net.Http.Headers;
using System.Text;

namespace IntegrationHub.Adapters.EServices.OpenEPlatform.Client;

/// <summary>Adds the integration user's basic authentication to every request.</summary>
internal sealed class BasicAuthenticationHandler(string username, string password, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly string _credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}"));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", _credentials);
        return base.SendAsync(request, cancellationToken);
    }
}
