using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Adapters.EServices.Push;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;

namespace IntegrationHub.Adapters.EServices.Tests.Push.Support;

/// <summary>The shipped samples (samples/eservices-push, samples/config/eservices-push.appsettings.json), copied beside the tests.</summary>
internal static class PushSamples
{
    public const string ArtviseSecret = "artvise-delad-hemlighet-for-test";
    public const string SelfpointKey = "selfpoint-api-nyckel-for-test";

    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "samples", "eservices-push", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path(name));

    /// <summary>The sample configuration with the secrets given as the environment would give them.</summary>
    public static IConfiguration Configuration() => new ConfigurationBuilder()
        .AddJsonFile(System.IO.Path.Combine(AppContext.BaseDirectory, "samples", "config", "eservices-push.appsettings.json"))
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Adapters:EServicesPush:artvise:Secret"] = ArtviseSecret,
            ["Adapters:EServicesPush:selfpoint:Secret"] = SelfpointKey,
        })
        .Build();

    public static PushSubmissionOptions Options(string instance) =>
        Configuration().GetSection($"{PushSubmissionOptions.Section}:{instance}").Get<PushSubmissionOptions>()!;

    public static PushSubmissionHandler Handler(CountingContentStore store, TimeProvider time, params (string Name, PushSubmissionOptions Options)[] instances) =>
        new(instances.Length > 0 ? instances.Select(i => KeyValuePair.Create(i.Name, i.Options)) : new[] { "artvise", "selfpoint" }.Select(n => KeyValuePair.Create(n, Options(n))), store, time);

    /// <summary>Artvise's headers for a body: the timestamp and the HMAC of "{timestamp}.{body}".</summary>
    public static Dictionary<string, StringValues> ArtviseHeaders(byte[] body, DateTimeOffset sentAt, string secret = ArtviseSecret)
    {
        var timestamp = sentAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new() { ["X-Artvise-Timestamp"] = timestamp, ["x-artvise-signature"] = Sign(secret, timestamp, body) };
    }

    public static Dictionary<string, StringValues> SelfpointHeaders(string key = SelfpointKey) => new() { ["X-Selfpoint-Key"] = key };

    public static string Sign(string secret, string? timestamp, byte[] body)
    {
        var signed = timestamp is null ? body : [.. Encoding.UTF8.GetBytes(timestamp + "."), .. body];
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }
}
