using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace IntegrationHub.Hub.Tests.Infrastructure;

/// <summary>The shipped Artvise push instance (samples/config/eservices-push.appsettings.json) with a known secret, and signed pushes to it.</summary>
public static class ArtvisePush
{
    public const string Secret = "test-hemlighet-artvise-0123456789";

    /// <summary>Configures the <c>artvise</c> instance from the sample, with <see cref="Secret"/> instead of its secret file.</summary>
    public static void Configure(IDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        SampleConfiguration.Load(settings, "eservices-push.appsettings.json", "EServicesPush", "artvise");
        settings.Remove("Adapters:EServicesPush:artvise:SecretFile");
        settings["Adapters:EServicesPush:artvise:Secret"] = Secret;
    }

    /// <summary>A sample submission from samples/eservices-push/artvise.</summary>
    public static byte[] Sample(string name) => File.ReadAllBytes(RepositoryFiles.PathOf($"samples/eservices-push/artvise/{name}"));

    /// <summary>Pushes <paramref name="body"/> as Artvise does, signed with the secret (or a wrong one) at the hub's time.</summary>
    public static async Task<HttpResponseMessage> PushAsync(HttpClient client, TimeProvider clock, byte[] body, bool sign = true)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(clock);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signed = Encoding.UTF8.GetBytes(timestamp + ".").Concat(body).ToArray();
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(sign ? Secret : "fel-hemlighet"), signed));
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/adapters/eservices/artvise/submissions") { Content = content };
        request.Headers.Add("X-Artvise-Timestamp", timestamp);
        request.Headers.Add("X-Artvise-Signature", "sha256=" + signature);
        return await client.SendAsync(request);
    }
}
